package io.east.cli.bench;

import io.east.bench.serve.ServeThroughputBench;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** east serve's throughput against the in-process DJL backend's, and its reload latency, by the bench module. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Measure east serve on a fresh demo-sized model (d=128, 4 layers, ~0.8M parameters): first "
                + "what 'bench generate' measures in-process, then the same model behind the server in this JVM, "
                + "driven over loopback HTTP by concurrent clients with the same prompts and sampling parameters, "
                + "in samples/s and as a ratio; then the latency of /update_weights_from_disk between two "
                + "demo-sized checkpoints.",
            "Set OMP_WAIT_POLICY=PASSIVE when other processes share the cores (./east does)."})
public final class ServeBench implements Callable<Integer> {

    @Mixin
    private GenerationLoadOptions load;

    @Option(names = "--clients", defaultValue = "16",
            description = "Concurrent HTTP clients, each with one request in flight (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--reloads", defaultValue = "10",
            description = "Timed reloads; 0 skips them (default: ${DEFAULT-VALUE}).")
    private int reloads;

    @Override
    public Integer call() throws Exception {
        ServeThroughputBench.Options options = Usage.check(
                () -> new ServeThroughputBench.Options(load.load(), clients, reloads), "");
        ServeThroughputBench.run(System.out, options);
        return ExitCodes.OK;
    }
}
