package io.east.model.train;

import io.east.model.Precision;

/**
 * Everything that shapes a training step.
 *
 * @param beta DPO / KTO temperature (the reference scripts use 0.01 for DPO on Llama-3.2-1B)
 * @param maxSequenceLength prompt + response + end token are cut to this many tokens (prompt from the
 *     left first, then response from the right)
 * @param desirableWeight KTO lambda_D
 * @param undesirableWeight KTO lambda_U
 * @param checkpointPrecision what checkpoints store the weights as; below fp32, the optimizer file keeps the fp32
 *     master weights so that training resumes exactly
 */
public record TrainerSettings(LossKind loss, double beta, LearningRateSchedule schedule, AdamW.Settings optimizer,
                              int maxSequenceLength, double desirableWeight, double undesirableWeight,
                              Precision checkpointPrecision) {

    public static TrainerSettings defaults(LossKind loss, LearningRateSchedule schedule) {
        return new TrainerSettings(loss, 0.1, schedule, AdamW.Settings.defaults(), 512, 1.0, 1.0, Precision.FP32);
    }

    public TrainerSettings withCheckpointPrecision(Precision precision) {
        return new TrainerSettings(loss, beta, schedule, optimizer, maxSequenceLength, desirableWeight,
                undesirableWeight, precision);
    }

    public TrainerSettings withBeta(double newBeta) {
        return new TrainerSettings(loss, newBeta, schedule, optimizer, maxSequenceLength, desirableWeight, undesirableWeight,
                checkpointPrecision);
    }

    public TrainerSettings withOptimizer(AdamW.Settings newOptimizer) {
        return new TrainerSettings(loss, beta, schedule, newOptimizer, maxSequenceLength, desirableWeight, undesirableWeight,
                checkpointPrecision);
    }

    public TrainerSettings withMaxSequenceLength(int length) {
        return new TrainerSettings(loss, beta, schedule, optimizer, length, desirableWeight, undesirableWeight,
                checkpointPrecision);
    }
}
