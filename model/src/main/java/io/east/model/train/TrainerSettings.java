package io.east.model.train;

/**
 * Everything that shapes a training step.
 *
 * @param beta DPO / KTO temperature (the reference scripts use 0.01 for DPO on Llama-3.2-1B)
 * @param maxSequenceLength prompt + response + end token are cut to this many tokens (prompt from the
 *     left first, then response from the right)
 * @param desirableWeight KTO lambda_D
 * @param undesirableWeight KTO lambda_U
 */
public record TrainerSettings(LossKind loss, double beta, LearningRateSchedule schedule, AdamW.Settings optimizer,
                              int maxSequenceLength, double desirableWeight, double undesirableWeight) {

    public static TrainerSettings defaults(LossKind loss, LearningRateSchedule schedule) {
        return new TrainerSettings(loss, 0.1, schedule, AdamW.Settings.defaults(), 512, 1.0, 1.0);
    }

    public TrainerSettings withBeta(double newBeta) {
        return new TrainerSettings(loss, newBeta, schedule, optimizer, maxSequenceLength, desirableWeight, undesirableWeight);
    }

    public TrainerSettings withOptimizer(AdamW.Settings newOptimizer) {
        return new TrainerSettings(loss, beta, schedule, newOptimizer, maxSequenceLength, desirableWeight, undesirableWeight);
    }

    public TrainerSettings withMaxSequenceLength(int length) {
        return new TrainerSettings(loss, beta, schedule, optimizer, length, desirableWeight, undesirableWeight);
    }
}
