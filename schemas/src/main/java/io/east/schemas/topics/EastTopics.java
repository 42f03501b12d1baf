package io.east.schemas.topics;

import io.east.schemas.DeadLetter;
import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every topic of the system, declared once. Keys are task ids (UTF-8 strings) unless a topic says otherwise. */
public final class EastTopics {

    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Questions and samples carry the volume and are the unit of generator parallelism; the low-volume outputs stay on
     * one partition so their consumers see one total order.
     */
    public static final TopicSpec QUESTIONS = new TopicSpec("east.questions", 6, Map.of(), QuestionTask.class);
    public static final TopicSpec SAMPLES = new TopicSpec("east.samples", 6, Map.of(), ReasoningSample.class);
    public static final TopicSpec GROUPS = new TopicSpec("east.groups", 3, Map.of(), GroupSummary.class);
    public static final TopicSpec WEIGHTED = new TopicSpec("east.weighted", 1, Map.of(), WeightedExample.class);
    public static final TopicSpec WEIGHT_STATS = new TopicSpec("east.weight-stats", 1, Map.of(), WeightStats.class);
    /** A pointer per key (experiment): compaction keeps the newest version forever. */
    public static final TopicSpec MODEL_VERSIONS = new TopicSpec("east.model-versions", 1,
            Map.of("cleanup.policy", "compact"), ModelVersion.class);
    public static final TopicSpec TRAIN_METRICS = new TopicSpec("east.train-metrics", 1, Map.of(), TrainMetrics.class);
    public static final TopicSpec EVAL = new TopicSpec("east.eval", 1, Map.of(), EvalResult.class);
    public static final TopicSpec DLQ = new TopicSpec("east.dlq", 1, Map.of(), DeadLetter.class);

    public static final List<TopicSpec> ALL = List.of(
            QUESTIONS, SAMPLES, GROUPS, WEIGHTED, WEIGHT_STATS, MODEL_VERSIONS, TRAIN_METRICS, EVAL, DLQ);

    /** Topics that get an {@code .EXP} twin per experiment. */
    public static final List<TopicSpec> PER_EXPERIMENT = List.of(WEIGHTED, WEIGHT_STATS);

    /** The key of the run without an experiment on the keyed topics (model versions, train metrics, eval). */
    public static final String MAIN_KEY = "main";

    private EastTopics() {
    }

    /** A run's key on the keyed topics: its experiment, or {@link #MAIN_KEY} for the run without one. */
    public static String recordKey(String experiment) {
        return experiment == null ? MAIN_KEY : experiment;
    }

    /** Checks an experiment name, which becomes part of topic names and an application id. */
    public static String validateExperiment(String experiment) {
        if (experiment == null || !EXPERIMENT_NAME.matcher(experiment).matches()) {
            throw new IllegalArgumentException("experiment name must match " + EXPERIMENT_NAME.pattern()
                    + ", got '" + experiment + "'");
        }
        return experiment;
    }

    static String withExperiment(String topic, String experiment) {
        return topic + "." + validateExperiment(experiment);
    }

    /** The spec of a topic by name, including experiment twins such as {@code east.weighted.ablation-1}. */
    public static Optional<TopicSpec> byName(String topic) {
        for (TopicSpec spec : ALL) {
            if (spec.name().equals(topic)) {
                return Optional.of(spec);
            }
        }
        for (TopicSpec spec : PER_EXPERIMENT) {
            String prefix = spec.name() + ".";
            if (topic.startsWith(prefix) && EXPERIMENT_NAME.matcher(topic.substring(prefix.length())).matches()) {
                return Optional.of(spec.forExperiment(topic.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }
}
