package io.east.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their start to their end as it stands when the read begins: committed records only, without a
 * consumer group. What a checker, a replay or a restarting stage sees of everything written so far. Partitions are read
 * one after another, in topic and partition order, so two reads of the same data see the same order.
 */
public final class CommittedScan {

    private static final Duration POLL = Duration.ofMillis(200);

    private CommittedScan() {
    }

    /** Every committed record of the topic, in partition and offset order. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> clientProperties, String topic,
            Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        forEach(clientProperties, List.of(topic), timeout, records::add);
        return records;
    }

    /**
     * Hands each committed record of the topics to {@code action}, in topic, partition and offset order.
     *
     * @param clientProperties where the brokers are and how to reach them; a group id in them is ignored
     * @return how many partitions were read: 0 where none of the topics exists
     * @throws KafkaException when the end is not reached within {@code timeout}
     */
    public static int forEach(Map<String, Object> clientProperties, Collection<String> topics, Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> action) {
        Map<String, Object> props = ClientConfigs.assignedReader(clientProperties, "east-committed-scan");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout).stream().map(p -> new TopicPartition(topic, p.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition)).forEach(partitions::add);
            }
            // Under read_committed these are the last stable offsets: everything committed when the read begins.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = ends.get(partition);
                while (consumer.position(partition, timeout) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new KafkaException("could not read " + partition + " to offset " + end + " within "
                                + timeout);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() < end) {
                            action.accept(record);
                        }
                    }
                }
            }
            return partitions.size();
        }
    }
}
