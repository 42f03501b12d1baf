package io.east.cli.bench;

import io.east.bench.generate.DjlGenerationBench;
import io.east.cli.common.Usage;
import picocli.CommandLine.Option;

/** What each round of the generation benches asks of the demo-sized model: the same for in-process and served. */
public final class GenerationLoadOptions {

    @Option(names = "--tasks", defaultValue = "16",
            description = "Tasks per round; served, one request each (default: ${DEFAULT-VALUE}).")
    private int tasks;

    @Option(names = "--n", defaultValue = "8", description = "Samples per task (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--max-new-tokens", defaultValue = "96",
            description = "Most tokens per sample (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Option(names = "--batch-rows", defaultValue = "32",
            description = "Most rows per model call, in-process and in a server (default: ${DEFAULT-VALUE}).")
    private int batchRows;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Timed rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--seed", defaultValue = "1",
            description = "Model weights and sampling seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    DjlGenerationBench.Options load() {
        return Usage.check(() -> new DjlGenerationBench.Options(tasks, n, maxNewTokens, batchRows, rounds, seed), "");
    }
}
