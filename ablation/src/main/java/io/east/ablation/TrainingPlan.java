package io.east.ablation;

import io.east.model.train.LossKind;
import java.util.Objects;

/**
 * How every run of an ablation trains: the same for every config and seed.
 *
 * @param examples null to train on every example of the set, else at most this many per epoch
 * @param warmup optimizer steps of linear learning-rate warm-up
 * @param beta DPO temperature; null for the trainer's default
 */
public record TrainingPlan(LossKind loss, int epochs, Integer examples, int batchSize, double learningRate,
        int warmup, double gradClip, Double beta) {

    public static final int DEFAULT_EPOCHS = 2;
    public static final int DEFAULT_BATCH_SIZE = 16;
    public static final double DEFAULT_SFT_LEARNING_RATE = 5e-4;
    public static final double DEFAULT_DPO_LEARNING_RATE = 1e-4;
    public static final int DEFAULT_WARMUP = 5;

    public TrainingPlan {
        Objects.requireNonNull(loss, "loss");
        if (loss == LossKind.KTO) {
            throw new IllegalArgumentException("--loss must be sft or dpo");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (examples != null && examples < 1) {
            throw new IllegalArgumentException("--examples must be >= 1, got " + examples);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        if (!Double.isFinite(gradClip) || gradClip < 0) {
            throw new IllegalArgumentException("--grad-clip must be >= 0, got " + gradClip);
        }
        if (beta != null && !(Double.isFinite(beta) && beta > 0)) {
            throw new IllegalArgumentException("--beta must be a positive number, got " + beta);
        }
    }

    public static double defaultLearningRate(LossKind loss) {
        return loss == LossKind.DPO ? DEFAULT_DPO_LEARNING_RATE : DEFAULT_SFT_LEARNING_RATE;
    }

    /** Optimizer steps of one run over {@code size} examples: the trainer batches across epoch boundaries. */
    public long steps(int size) {
        long total = (long) size * epochs;
        return (total + batchSize - 1) / batchSize;
    }
}
