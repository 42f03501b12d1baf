package io.east.cli.bench;

import io.east.bench.generate.DjlGenerationBench;
import io.east.cli.common.Usage;
import picocli.CommandLine.Option;

/** What each round of the generation benches asks of the demo-sized model: the same for in-process and served. */
public final class GenerationLoadOptions {

    @Option(names = "--tasks", defaultValue = "16") private int tasks;
    @Option(names = "--n", defaultValue = "8") private int n;
    @Option(names = "--max-new-tokens", defaultValue = "96") private int maxNewTokens;
    @Option(names = "--batch-rows", defaultValue = "32") private int batchRows;
    @Option(names = "--rounds", defaultValue = "3") private int rounds;
    @Option(names = "--seed", defaultValue = "1") private long seed;

    DjlGenerationBench.Options load() {
        return Usage.check(() -> new DjlGenerationBench.Options(tasks, n, maxNewTokens, batchRows, rounds, seed), "");
    }
}
