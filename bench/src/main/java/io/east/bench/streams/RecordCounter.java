package io.east.bench.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the committed records of a topic by reading it. Offsets cannot be subtracted instead: a transactional
 * writer (the streams app under exactly-once) leaves commit markers that take offsets but are no records.
 */
final class RecordCounter {

    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private RecordCounter() {
    }

    static long committedRecords(BenchClients clients, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = clients.committedReader("bench-counter")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: everything committed so far.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
                }
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
