package io.east.producers.generate;

import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The records of one poll, decoded and validated, and the offsets their transaction commits. */
final class BatchPlan {

    static final String UNDECODABLE = "undecodable";
    static final String INVALID = "invalid";

    private final List<PlannedRecord> records;

    private BatchPlan(List<PlannedRecord> records) {
        this.records = List.copyOf(records);
    }

    static BatchPlan of(ConsumerRecords<byte[], byte[]> polled) {
        List<PlannedRecord> planned = new ArrayList<>(polled.count());
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            planned.add(plan(SourceRecord.of(record)));
        }
        return new BatchPlan(planned);
    }

    static PlannedRecord plan(SourceRecord source) {
        if (source.value() == null) {
            return new PlannedRecord.Rejected(source, UNDECODABLE, "the record has no value");
        }
        QuestionTask task;
        try {
            task = EastSerdes.questionTask().deserialize(source.value());
        } catch (RuntimeException e) {
            // Avro and the frame check throw several unchecked types; all mean the same to us.
            return new PlannedRecord.Rejected(source, UNDECODABLE, "not a QuestionTask: " + e.getMessage());
        }
        if (source.value().length > TaskValidator.MAX_TASK_BYTES) {
            return new PlannedRecord.Rejected(source, INVALID, "the record has " + source.value().length
                    + " bytes, more than the " + TaskValidator.MAX_TASK_BYTES + " a task may have");
        }
        Optional<String> problem = TaskValidator.problem(task);
        if (problem.isPresent()) {
            return new PlannedRecord.Rejected(source, INVALID, problem.get());
        }
        return new PlannedRecord.Task(source, task);
    }

    List<PlannedRecord> records() {
        return records;
    }

    List<PlannedRecord.Task> tasks() {
        return records.stream()
                .filter(PlannedRecord.Task.class::isInstance)
                .map(PlannedRecord.Task.class::cast)
                .toList();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    /** The same plan without the records of these partitions (they were revoked while generating). */
    BatchPlan without(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return this;
        }
        return new BatchPlan(records.stream().filter(r -> !partitions.contains(r.source().partition())).toList());
    }

    /** Per partition, the offset of its first record in this batch: where to rewind when the transaction fails. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (PlannedRecord record : records) {
            first.merge(record.source().partition(), record.source().offset(), Math::min);
        }
        return Collections.unmodifiableMap(first);
    }

    /** Per partition, the offset after its last record in this batch: what the transaction commits. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, Long> last = new LinkedHashMap<>();
        for (PlannedRecord record : records) {
            last.merge(record.source().partition(), record.source().offset(), Math::max);
        }
        Map<TopicPartition, OffsetAndMetadata> next = new LinkedHashMap<>();
        last.forEach((partition, offset) -> next.put(partition, new OffsetAndMetadata(offset + 1)));
        return Collections.unmodifiableMap(next);
    }

    Set<TopicPartition> partitions() {
        return firstOffsets().keySet();
    }
}
