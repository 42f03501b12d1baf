package io.east.cli.common;

import picocli.CommandLine.Option;

/**
 * The optimizer's schedule that train and ablate share: {@code --batch-size}, {@code --warmup} and
 * {@code --grad-clip} (a picocli mixin). The defaults are each command's, so each command gives its own.
 */
public final class TrainingOptions {

    // No defaultValue on these two: the initial value the command chose is the default that help shows.
    @Option(names = "--batch-size", paramLabel = "B") private int batchSize;
    @Option(names = "--warmup", paramLabel = "W") private int warmup;

    @Option(names = "--grad-clip", paramLabel = "C", defaultValue = "1.0", converter = Converters.FiniteDouble.class)
    private double gradClip;

    private TrainingOptions(int batchSize, int warmup) {
        this.batchSize = batchSize;
        this.warmup = warmup;
    }

    /** The options of a command whose --batch-size and --warmup default to these. */
    public static TrainingOptions withDefaults(int batchSize, int warmup) {
        return new TrainingOptions(batchSize, warmup);
    }

    public int batchSize() {
        return Usage.atLeast(batchSize, 1, "--batch-size");
    }

    public int warmup() {
        return Usage.atLeast(warmup, 0, "--warmup");
    }

    public double gradClip() {
        if (gradClip < 0) {
            throw new UsageException("--grad-clip must be >= 0, got " + gradClip);
        }
        return gradClip;
    }
}
