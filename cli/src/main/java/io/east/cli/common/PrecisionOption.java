package io.east.cli.common;

import io.east.model.Precision;
import picocli.CommandLine.Option;

/** --precision for the commands that run the DJL model: train, generate, eval, sample. */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "fp32|bf16", defaultValue = "fp32") private String precision;

    public Precision precision() {
        try {
            return Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--precision: " + e.getMessage());
        }
    }
}
