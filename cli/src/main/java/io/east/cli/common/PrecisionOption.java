package io.east.cli.common;

import io.east.model.Precision;
import picocli.CommandLine.Option;

/** --precision for the commands that run the DJL model: train, generate, eval, sample. */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "fp32|bf16", defaultValue = "fp32",
            description = "bf16 halves the model's memory: sampling holds and runs the weights in bf16; training runs "
                    + "bf16 matmuls forward and backward over fp32 master weights and AdamW state, with fp32 loss, "
                    + "softmax and norms. Needs a libtorch set up by 'east torch-setup' (default: ${DEFAULT-VALUE}).")
    private String precision;

    public Precision precision() {
        try {
            return Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--precision: " + e.getMessage());
        }
    }
}
