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
@Command(name = "agreement", mixinStandardHelpOptions = true, sortOptions = false)
public final class AgreementBenchCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "NAME", defaultValue = "tiny") private String size;
    @Option(names = "--steps", paramLabel = "N", defaultValue = "8") private int steps;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "8") private int batch;
    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "1e-2") private double tolerance;
    @Option(names = "--loss-tolerance", paramLabel = "X", defaultValue = "1e-4") private double lossTolerance;
    @Option(names = "--save", paramLabel = "DIR") private Path save;

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
