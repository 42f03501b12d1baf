package io.east.ablation;

import io.east.eval.EvalReport;
import io.east.eval.WilsonInterval;
import java.util.Arrays;
import java.util.List;

/**
 * One config over its seeds.
 *
 * @param meanPassAt1 the mean of the seeds' pass@1
 * @param pooled the 95% Wilson interval of all seeds' answers pooled (correct over seeds x questions). The same
 *     questions are asked once per seed, so the pooled count overstates the independent evidence: read it as the
 *     uncertainty from the finite test set, not as a between-run interval
 * @param seedSd standard deviation of the seeds' pass@1 (sample, n-1); NaN for one seed
 * @param delta against the reference config (uniform), paired by question; null for the reference itself
 */
public record ConfigSummary(AblationConfig config, List<RunResult> runs, double meanPassAt1, WilsonInterval pooled,
        double seedSd, double seedMin, double seedMax, PairedDelta delta) {

    public static ConfigSummary of(AblationConfig config, List<RunResult> runs, List<RunResult> reference) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("config " + config.label() + " has no runs");
        }
        double[] passes = runs.stream().mapToDouble(r -> r.eval().passAt1()).toArray();
        long correct = runs.stream().mapToLong(r -> r.eval().passAt1Correct()).sum();
        long trials = runs.stream().mapToLong(r -> r.eval().questions()).sum();
        double mean = Arrays.stream(passes).average().orElseThrow();
        double squares = Arrays.stream(passes).map(p -> (p - mean) * (p - mean)).sum();
        double sd = passes.length > 1 ? Math.sqrt(squares / (passes.length - 1)) : Double.NaN;
        PairedDelta delta = reference == null || reference.isEmpty() ? null
                : PairedDelta.of(reports(runs), reports(reference));
        return new ConfigSummary(config, List.copyOf(runs), mean, WilsonInterval.of(correct, trials), sd,
                Arrays.stream(passes).min().orElseThrow(),
                Arrays.stream(passes).max().orElseThrow(), delta);
    }

    private static List<EvalReport> reports(List<RunResult> runs) {
        return runs.stream().map(RunResult::eval).toList();
    }

    public double meanSteps() {
        return runs.stream().mapToLong(r -> r.training().steps()).average().orElse(Double.NaN);
    }

    public double meanFinalLoss() {
        return runs.stream().mapToDouble(r -> r.training().finalLoss()).average().orElse(Double.NaN);
    }

    public double meanTrainSeconds() {
        return runs.stream().mapToDouble(r -> r.training().elapsed().toMillis() / 1000.0).average()
                .orElse(Double.NaN);
    }
}
