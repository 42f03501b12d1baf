package io.east.bench.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/** Offsets of a whole topic through the admin client. */
final class TopicOffsets {

    private static final long LEADER_POLL_MILLIS = 50;

    private TopicOffsets() {
    }

    static Map<TopicPartition, Long> end(Admin admin, String topic, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Waits until every partition of the topic answers a ListOffsets from its leader: a topic just created can still
     * be unknown to the broker's replica manager for a moment after the controller has its leaders.
     */
    static void awaitLeaders(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                end(admin, topic, OffsetSpec.latest());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(LEADER_POLL_MILLIS);
        }
    }

    /** Deletes everything written so far, so a new consumer group starting at "earliest" begins after it. */
    static void truncate(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, RecordsToDelete> upTo = end(admin, topic, OffsetSpec.latest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue())));
        admin.deleteRecords(upTo).all().get();
    }
}
