package io.east.schemas.topics;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reading every partition of a topic outside any consumer group, for readers that each need all of its records. */
public final class WholeTopic {

    private WholeTopic() {
    }

    /**
     * Every partition of {@code topic}, in the order the broker lists them.
     *
     * @param role why the topic must exist, for the error
     * @throws IllegalStateException when the topic does not exist
     */
    public static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic, Duration timeout,
            String role) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: " + role);
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /**
     * Assigns every partition of {@code topic} to {@code consumer}; the caller then seeks where it starts reading.
     *
     * @param role why the topic must exist, for the error
     * @throws IllegalStateException when the topic does not exist
     */
    public static List<TopicPartition> assign(Consumer<?, ?> consumer, String topic, Duration timeout, String role) {
        List<TopicPartition> partitions = partitions(consumer, topic, timeout, role);
        consumer.assign(partitions);
        return partitions;
    }
}
