package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.UsageException;
import io.east.model.LlamaConfig;
import io.east.bench.model.DeviceAgreement;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Does training on the GPU compute what training on the CPU computes? */
@Command(name = "agreement", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model from the same weights on the same batches on the GPU and on the CPU (fp32 "
                + "both), and once more on the GPU in bf16; print the largest relative weight difference after the "
                + "last step and the largest relative loss gap of bf16. Needs a CUDA libtorch set up by 'east "
                + "torch-setup'.",
            "The weight difference is measured against how far training moved the weights: AdamW can flip the sign "
                    + "of a step on a near-zero gradient over a rounding-level difference.",
            "Exit code 1 when the losses differ by more than --loss-tolerance or the weights by more than "
                    + "--tolerance, or when the engine sees no GPU (the model is then trained, and saved, on the CPU "
                    + "only)."})
public final class AgreementBench implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "NAME", defaultValue = "tiny",
            description = "The model shape, as 'east bench model --size' names them (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "8", description = "Steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8",
            description = "Examples per step (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "1e-2",
            description = "Largest acceptable weight difference, over how far training moved the weights "
                    + "(default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--loss-tolerance", paramLabel = "X", defaultValue = "1e-4",
            description = "Largest acceptable relative loss difference at any step (default: ${DEFAULT-VALUE}).")
    private double lossTolerance;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Write the GPU-trained model there as a checkpoint (Hugging Face layout).")
    private Path save;

    @Override
    public Integer call() throws Exception {
        LlamaConfig config = ModelSizes.named(size);
        if (steps < 1 || batch < 1) {
            throw new UsageException("--steps and --batch must be >= 1");
        }
        java.util.Optional<DeviceAgreement.Figures> f = DeviceAgreement.run(System.out, config, steps, batch, save);
        return f.isPresent() && f.get().weightDifference() <= tolerance && f.get().lossDifference() <= lossTolerance
                ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
