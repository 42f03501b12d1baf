package io.east.producers.generate;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.testkit.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What read_committed readers see of a topic, and what a group has committed. */
public final class CommittedRecords {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

    private CommittedRecords() {
    }

    /** Every committed record of the topic, read from the start up to the last stable offset of each partition. */
    public static List<ConsumerRecord<byte[], byte[]>> read(EmbeddedKafkaExtension kafka, String topic) {
        return CommittedScan.readAll(kafka.clientProps(), topic, READ_TIMEOUT);
    }

    /** Every committed sample of the topic, in partition and offset order. */
    public static List<ReasoningSample> samples(EmbeddedKafkaExtension kafka, String topic) {
        return read(kafka, topic).stream().map(r -> EastSerdes.reasoningSample().deserialize(r.value())).toList();
    }

    /** Committed samples by task, each task's in sample-index order; only complete sets are visible. */
    public static Map<String, List<ReasoningSample>> samplesByTask(EmbeddedKafkaExtension kafka, String topic) {
        return samples(kafka, topic).stream()
                .sorted(Comparator.comparingInt(ReasoningSample::getSampleIndex))
                .collect(Collectors.groupingBy(ReasoningSample::getTaskId));
    }

    /** True when the group has committed every partition of the topic up to its end. */
    public static boolean groupCaughtUp(EmbeddedKafkaExtension kafka, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = endOffsets(kafka, topic);
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() == end.getValue()));
    }

    private static Map<TopicPartition, Long> endOffsets(EmbeddedKafkaExtension kafka, String topic) throws Exception {
        int partitions = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().size();
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return kafka.admin().listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
