package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.bench.generate.DjlGenerationBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Throughput of the DJL generator backend, as the bench module's DjlGenerationBench measures it. */
@Command(name = "generate", mixinStandardHelpOptions = true)
public final class GenerateBenchCommand implements Callable<Integer> {

    @Mixin private GenerationLoadOptions load;

    @Override
    public Integer call() throws Exception {
        DjlGenerationBench.run(System.out, load.load());
        return ExitCodes.OK;
    }
}
