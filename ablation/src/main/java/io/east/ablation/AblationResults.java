package io.east.ablation;

import io.east.eval.EvalReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the report files show: the settings, the log, each config's weights, the base model's evaluation and
 * the runs so far ({@code complete} is false while the ablation is still running, so partial files say so).
 *
 * @param evalDataset the evaluation's dataset and split as EvalResult names them, e.g. {@code synthetic:0 test}
 */
public record AblationResults(AblationSettings settings, LogSummary log, List<ConfigWeights> weights,
        String evalDataset, EvalReport base, List<RunResult> runs, Duration elapsed, boolean complete) {

    public AblationResults {
        weights = List.copyOf(weights);
        runs = List.copyOf(runs);
    }

    /** One summary per config that has runs, in --configs order. */
    public List<ConfigSummary> summaries() {
        AblationConfig reference = settings.reference();
        List<RunResult> referenceRuns = runsOf(reference);
        List<ConfigSummary> summaries = new ArrayList<>();
        for (AblationConfig config : settings.configs()) {
            List<RunResult> runs = runsOf(config);
            if (!runs.isEmpty()) {
                summaries.add(ConfigSummary.of(config, runs, config.equals(reference) ? null : pairedWith(runs,
                        referenceRuns)));
            }
        }
        return summaries;
    }

    public List<RunResult> runsOf(AblationConfig config) {
        return runs.stream().filter(r -> r.config().equals(config)).toList();
    }

    public ConfigWeights weightsOf(AblationConfig config) {
        return weights.stream().filter(w -> w.config().equals(config)).findFirst().orElseThrow();
    }

    /** The reference's runs on the seeds the config has, so a partial run compares like with like. */
    private static List<RunResult> pairedWith(List<RunResult> runs, List<RunResult> reference) {
        List<Integer> seeds = runs.stream().map(RunResult::seed).toList();
        return reference.stream().filter(r -> seeds.contains(r.seed())).toList();
    }
}
