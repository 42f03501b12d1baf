package io.east.dashboard;

import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topics a dashboard reads, and which experiment each weight-stats topic belongs to. The topic, not the record's
 * own {@code experiment} field, says whose window a WeightStats is: the topic is what the streams app was told.
 */
public final class FollowedTopics {

    private final List<String> experiments;
    private final Map<String, String> weightStatsExperiment = new LinkedHashMap<>();
    private final List<TopicSpec> topics = new ArrayList<>();

    public FollowedTopics(List<String> experiments) {
        this.experiments = List.copyOf(experiments);
        weightStatsExperiment.put(EastTopics.WEIGHT_STATS.name(), EastTopics.MAIN_KEY);
        topics.add(EastTopics.WEIGHT_STATS);
        for (String experiment : experiments) {
            TopicSpec twin = EastTopics.WEIGHT_STATS.forExperiment(experiment);
            weightStatsExperiment.put(twin.name(), experiment);
            topics.add(twin);
        }
        topics.addAll(List.of(EastTopics.GROUPS, EastTopics.TRAIN_METRICS, EastTopics.EVAL,
                EastTopics.MODEL_VERSIONS));
    }

    /** Every topic read, weight-stats topics first. */
    public List<TopicSpec> topics() {
        return List.copyOf(topics);
    }

    /** main, then the experiments in the order given. */
    public List<String> experimentsShown() {
        List<String> shown = new ArrayList<>();
        shown.add(EastTopics.MAIN_KEY);
        shown.addAll(experiments);
        return shown;
    }

    /** The experiment whose windows a weight-stats topic carries; empty for any other topic. */
    public Optional<String> weightStatsExperiment(String topic) {
        return Optional.ofNullable(weightStatsExperiment.get(topic));
    }

    /** The dashboard's name for a record's nullable {@code experiment} field. */
    public static String experimentOf(CharSequence experiment) {
        return experiment == null || experiment.length() == 0 ? EastTopics.MAIN_KEY : experiment.toString();
    }
}
