package io.east.bench.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/** Offsets of a whole topic through the admin client. */
final class TopicOffsets {

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

    /** Deletes everything written so far, so a new consumer group starting at "earliest" begins after it. */
    static void truncate(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, RecordsToDelete> upTo = end(admin, topic, OffsetSpec.latest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue())));
        admin.deleteRecords(upTo).all().get();
    }
}
