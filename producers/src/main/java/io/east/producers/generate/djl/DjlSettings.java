package io.east.producers.generate.djl;

import io.east.model.Precision;
import io.east.schemas.topics.EastTopics;

/**
 * How the DJL backend batches and seeds, and which model versions it follows.
 *
 * @param modelKey the key of east.model-versions to follow: {@value EastTopics#MAIN_KEY} or an experiment name
 * @param batchRows most rows (prompt copies) per Sampler call; larger calls use the cores better and need more memory
 * @param seed the base of every sampling seed (see {@link SamplingSeeds})
 * @param precision what the policy's weights are held and computed in (bf16 needs a torch-setup libtorch)
 */
public record DjlSettings(String modelKey, int batchRows, long seed, Precision precision) {

    public static final int DEFAULT_BATCH_ROWS = 32;

    public DjlSettings {
        if (!EastTopics.MAIN_KEY.equals(modelKey)) {
            EastTopics.validateExperiment(modelKey);
        }
        java.util.Objects.requireNonNull(precision, "precision");
        if (batchRows < 1) {
            throw new IllegalArgumentException("batch rows must be >= 1, got " + batchRows);
        }
    }

    public static DjlSettings defaults() {
        return new DjlSettings(EastTopics.MAIN_KEY, DEFAULT_BATCH_ROWS, 0, Precision.FP32);
    }

    public DjlSettings withModelKey(String key) {
        return new DjlSettings(key, batchRows, seed, precision);
    }

    public DjlSettings withBatchRows(int rows) {
        return new DjlSettings(modelKey, rows, seed, precision);
    }

    public DjlSettings withSeed(long newSeed) {
        return new DjlSettings(modelKey, batchRows, newSeed, precision);
    }

    public DjlSettings withPrecision(Precision value) {
        return new DjlSettings(modelKey, batchRows, seed, value);
    }
}
