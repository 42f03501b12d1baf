package io.east.ablation;

import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything an ablation run decides.
 *
 * @param seeds how many seeds: 0..seeds-1, each a training order shared by every config
 * @param choiceSeed seeds the choice of chosen and rejected responses (the same for every config)
 * @param runId names this run's work directory and, for a topic, its experiments
 * @param commandLine how the run was started, for results.md
 */
public record AblationSettings(SampleSource source, Path init, List<AblationConfig> configs, int seeds,
        TrainingPlan training, EvalPlan eval, Clustering clustering, SelectionRules rules, long choiceSeed,
        Path outputDir, String runId, boolean keepCheckpoints, String commandLine) {

    public static final int MAX_SEEDS = 100;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,24}");

    public AblationSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(eval, "eval");
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(outputDir, "outputDir");
        configs = List.copyOf(configs);
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("--configs names no config");
        }
        Set<String> slugs = configs.stream().map(AblationConfig::slug).collect(Collectors.toSet());
        if (slugs.size() != configs.size()) {
            throw new IllegalArgumentException("--configs: two configs have the same file name " + slugs);
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be in [1, " + MAX_SEEDS + "], got " + seeds);
        }
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("--run-id must match " + RUN_ID.pattern() + ", got '" + runId + "'");
        }
        if (source instanceof SampleSource.Topic) {
            // Fail before any work when a config's experiment name would be refused by the topics.
            configs.forEach(config -> StreamsReplay.experiment(config, runId));
        }
    }

    /**
     * A config's scope when it names none: {@code dataset}, the paper's offline normalisation (mean weight exactly 1
     * over the log's kept questions). The streams app has no whole-log scope, so a topic replay realises it as
     * {@code fixed:C} with C the mean of s^a over the same kept questions (see {@link Ablation}).
     */
    public Scope scope(AblationConfig config) {
        return config.scope().orElse(new Scope.Dataset());
    }

    /** Where this run's data files, checkpoints and replay state go. */
    public Path workDir() {
        return outputDir.resolve("work").resolve(runId);
    }

    /** The config deltas are measured against: uniform when the run has it, else the first config. */
    public AblationConfig reference() {
        return configs.stream().filter(c -> c.strategy() == WeightStrategy.UNIFORM).findFirst()
                .orElse(configs.get(0));
    }
}
