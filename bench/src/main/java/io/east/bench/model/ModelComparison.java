package io.east.bench.model;

import io.east.bench.Median;
import io.east.model.Precision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DJL against PyTorch eager on equal shapes, printed: the CPU sizes of {@link ModelBench}, or one shape of {@link
 * TrainingShapeBench} over several rounds in which the two take turns, so that a slow spell of the machine falls on
 * both; the ratio of every round and their median.
 */
public final class ModelComparison {

    /** What the model's goals ask of DJL against PyTorch eager, and of memory between step 100 and the end. */
    public static final double SPEED_GOAL = 0.8;
    public static final double MEMORY_GOAL_PERCENT = 10;

    private ModelComparison() {
    }

    /** The CPU sizes; {@code baseline} null measures DJL alone. */
    public static void sizes(PrintStream out, ModelBench.Options options, TorchBaseline baseline)
            throws IOException, InterruptedException {
        ModelBench.Figures djl = ModelBench.run(out, options);
        out.flush();
        if (!Double.isNaN(djl.rssChangePercent())) {
            out.printf(Locale.ROOT, "memory: VmRSS %+.1f%% from step 100 to step %d (goal: within %.0f%%: %s); in use "
                            + "(after a trim) %+.1f%%%n", djl.rssChangePercent(), options.memorySteps(),
                    MEMORY_GOAL_PERCENT, Math.abs(djl.rssChangePercent()) <= MEMORY_GOAL_PERCENT ? "met" : "not met",
                    djl.trimmedChangePercent());
        }
        if (baseline == null) {
            return;
        }
        // Same shapes: PyTorch gets sequences of the mean width DJL's padded batches had, and both sides count every
        // position they computed (the tokens/s of a padded batch would charge DJL for its padding).
        int length = (int) Math.round(djl.training().values().stream()
                .mapToDouble(ModelBench.TrainingRate::meanWidth).filter(w -> !Double.isNaN(w)).average().orElse(94));
        Map<String, Double> torch = baseline.sizes(options.trainSteps(), length, out);
        out.printf(Locale.ROOT, "training positions/s on equal shapes (batch %d x %d), DJL vs PyTorch eager (goal: DJL "
                + ">= %.1fx):%n", options.batchSize(), length, SPEED_GOAL);
        for (Map.Entry<String, ModelBench.TrainingRate> size : djl.training().entrySet()) {
            double positions = size.getValue().positionsPerSecond();
            Double reference = torch.get(size.getKey());
            if (reference == null) {
                out.printf(Locale.ROOT, "  %-30s DJL %,.0f  PyTorch: not reported%n", size.getKey(), positions);
                continue;
            }
            double ratio = positions / reference;
            out.printf(Locale.ROOT, "  %-30s DJL %,.0f  PyTorch %,.0f  %.2fx  %s%n", size.getKey(), positions,
                    reference, ratio, ratio >= SPEED_GOAL ? "goal met" : "below goal");
        }
    }

    /** One shape, {@code rounds} times; {@code baseline} null measures DJL alone. */
    public static void shape(PrintStream out, TrainingShapeBench.Options options, int rounds, TorchBaseline baseline)
            throws IOException, InterruptedException {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
        }
        Path configFile = Files.createTempFile("east-bench-config", ".json");
        try {
            options.config().write(configFile);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                TrainingShapeBench.Figures djl = TrainingShapeBench.run(out, options);
                out.flush();
                if (baseline == null) {
                    continue;
                }
                TorchBaseline.ShapeRate torch = baseline.shape(configFile, options.batch(), options.length(),
                        options.precision().toString(), djl.device().startsWith("gpu") ? "cuda" : "cpu",
                        options.warmupSteps(), options.steps(), out);
                double ratio = djl.positionsPerSecond() / torch.positionsPerSecond();
                ratios.add(ratio);
                out.printf(Locale.ROOT, "%s batch %d x %d %s, DJL / PyTorch eager%s%s: positions/s %,.0f / %,.0f = "
                                + "%.2fx; ms/step %.1f / %.1f; peak memory %s%n", options.name(), options.batch(),
                        options.length(), options.precision(),
                        options.precision() == Precision.BF16 ? " (autocast)" : "",
                        rounds > 1 ? " (round " + round + ")" : "", djl.positionsPerSecond(),
                        torch.positionsPerSecond(), ratio, djl.millisPerStep(), torch.millisPerStep(),
                        memoryRatio(djl.peakBytes(), torch.peakBytes()));
            }
            if (ratios.size() > 1) {
                out.printf(Locale.ROOT, "%s batch %d x %d %s, DJL / PyTorch eager over %d rounds: %s, median %.2fx%n",
                        options.name(), options.batch(), options.length(), options.precision(), ratios.size(),
                        ratios.stream().map(r -> String.format(Locale.ROOT, "%.2fx", r)).toList(), Median.of(ratios));
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private static String memoryRatio(long djl, long torch) {
        if (djl < 0 || torch < 0) {
            return "n/a (no device statistics on the CPU)";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f GiB = %.2fx", djl / (double) (1L << 30),
                torch / (double) (1L << 30), djl / (double) torch);
    }
}
