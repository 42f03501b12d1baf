package io.east.schemas.topics;

import java.util.Map;

/**
 * A topic of the system: its name, how many partitions it is created with, its topic configs, and the one Avro
 * type its values have.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs, Class<?> valueType) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** The same topic for one experiment: {@code east.weighted} becomes {@code east.weighted.EXP}. */
    public TopicSpec forExperiment(String experiment) {
        if (experiment == null || experiment.isEmpty()) {
            return this;
        }
        return new TopicSpec(EastTopics.withExperiment(name, experiment), partitions, configs, valueType);
    }
}
