package io.east.producers.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, keeping the records a test cares about. One thread at a time (tests poll it from
 * Awaitility with pollInSameThread).
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Predicate<ConsumerRecord<String, V>> filter;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    public TopicReader(String bootstrap, String topic, Deserializer<V> values,
            Predicate<ConsumerRecord<String, V>> filter) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values);
        this.filter = filter;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived; returns everything kept so far. */
    public List<ConsumerRecord<String, V>> poll() {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(100))) {
            if (filter.test(record)) {
                records.add(record);
            }
        }
        return List.copyOf(records);
    }

    public List<V> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
