package io.east.cli.common;

import io.east.model.Precision;
import io.east.producers.generate.djl.DjlSettings;
import io.east.schemas.topics.EastTopics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the DJL model samples: {@code --batch-rows}, {@code --seed} and {@code --precision} (a picocli mixin). */
public final class DjlSamplingOptions {

    @Option(names = "--batch-rows", paramLabel = "R", defaultValue = "" + DjlSettings.DEFAULT_BATCH_ROWS)
    private int batchRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0") private long seed;
    @Mixin private PrecisionOption precision;

    /** The DJL settings of a command that samples one checkpoint and follows no model versions. */
    public DjlSettings settings() {
        return settings(EastTopics.MAIN_KEY, "");
    }

    /**
     * The DJL settings that follow the model versions of {@code modelKey}; a bad key is reported against
     * {@code modelKeyFlag}, the option it came from.
     */
    public DjlSettings settings(String modelKey, String modelKeyFlag) {
        Usage.atLeast(batchRows, 1, "--batch-rows");
        Precision checkedPrecision = precision.precision();
        return Usage.check(() -> new DjlSettings(modelKey, batchRows, seed, checkedPrecision),
                modelKeyFlag.isEmpty() ? "" : modelKeyFlag + ": ");
    }
}
