package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.bench.generate.DjlGenerationBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Throughput of the DJL generator backend, measured by the producers module's bench. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Measure the DJL generator backend in samples/s and tokens/s on a fresh demo-sized model "
                + "(d=128, 4 layers, ~0.8M parameters, character tokenizer), as a worker drives it: one batched call "
                + "per batch of tasks, n samples per task, prompts from the synthetic test split.",
            "Set OMP_WAIT_POLICY=PASSIVE when other processes share the cores (./east does)."})
public final class GenerateBench implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "16", description = "Tasks per batch (default: ${DEFAULT-VALUE}).")
    private int tasks;

    @Option(names = "--n", defaultValue = "8", description = "Samples per task (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--max-new-tokens", defaultValue = "96",
            description = "Most tokens per sample (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Option(names = "--batch-rows", defaultValue = "32",
            description = "Most rows per model call (default: ${DEFAULT-VALUE}).")
    private int batchRows;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Timed batches after one warm-up batch (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Model weights and sampling seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        DjlGenerationBench.Options options = Usage.check(
                () -> new DjlGenerationBench.Options(tasks, n, maxNewTokens, batchRows, rounds, seed), "");
        DjlGenerationBench.run(System.out, options);
        return ExitCodes.OK;
    }
}
