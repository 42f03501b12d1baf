package io.east.cli.bench;

import io.east.bench.serve.ServeThroughputBench;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** east serve's throughput against the in-process DJL backend's, and its reload latency, by the bench module. */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeBenchCommand implements Callable<Integer> {

    @Mixin private GenerationLoadOptions load;
    @Option(names = "--clients", defaultValue = "16") private int clients;
    @Option(names = "--reloads", defaultValue = "10") private int reloads;

    @Override
    public Integer call() throws Exception {
        ServeThroughputBench.Options options = Usage.check(
                () -> new ServeThroughputBench.Options(load.load(), clients, reloads), "");
        ServeThroughputBench.run(System.out, options);
        return ExitCodes.OK;
    }
}
