package io.east.testkit;

import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.topics.WholeTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic with string keys from its beginning, every partition, committed records only and outside any consumer
 * group, keeping the records a test cares about in arrival order. One thread at a time: tests that poll it from
 * Awaitility use pollInSameThread.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final Predicate<ConsumerRecord<String, V>> filter;
    private final List<ConsumerRecord<String, V>> kept = new ArrayList<>();

    /** Keeps every record of {@code topic}. */
    public TopicReader(TestKafka kafka, String topic, Deserializer<V> values) {
        this(kafka.clientProps(), topic, values, record -> true);
    }

    /** Keeps the records of {@code topic} that {@code filter} accepts. */
    public TopicReader(TestKafka kafka, String topic, Deserializer<V> values,
            Predicate<ConsumerRecord<String, V>> filter) {
        this(kafka.clientProps(), topic, values, filter);
    }

    /**
     * Keeps the records of {@code topic} that {@code filter} accepts.
     *
     * @param clientProperties where the brokers are and how to reach them (security settings, say); a group id in
     *         them is ignored
     * @throws IllegalStateException when the topic does not exist
     */
    public TopicReader(Map<String, Object> clientProperties, String topic, Deserializer<V> values,
            Predicate<ConsumerRecord<String, V>> filter) {
        this.topic = topic;
        this.filter = filter;
        this.consumer = new KafkaConsumer<>(ClientConfigs.assignedReader(clientProperties, "east-test-reader"),
                new StringDeserializer(), values);
        try {
            List<TopicPartition> partitions = WholeTopic.assign(consumer, topic, METADATA_TIMEOUT,
                    "a test reads it");
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Reads what has arrived since the last read; returns every record kept so far, in arrival order. */
    public List<ConsumerRecord<String, V>> poll() {
        for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
            if (filter.test(record)) {
                kept.add(record);
            }
        }
        return List.copyOf(kept);
    }

    /** {@link #poll()}, returning the values. */
    public List<V> pollValues() {
        poll();
        return values();
    }

    /** The values of the records kept so far, in arrival order. */
    public List<V> values() {
        return kept.stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Reads until at least {@code count} records are kept; returns every record kept, in arrival order.
     *
     * @throws AssertionError when fewer have arrived within {@code timeout}
     */
    public List<ConsumerRecord<String, V>> readUntil(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, V>> records = poll();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("topic " + topic + ": " + records.size() + " of the " + count
                        + " records expected arrived within " + timeout);
            }
            records = poll();
        }
        return records;
    }

    /** {@link #readUntil(int, Duration)}, returning the values. */
    public List<V> valuesUntil(int count, Duration timeout) {
        return readUntil(count, timeout).stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
