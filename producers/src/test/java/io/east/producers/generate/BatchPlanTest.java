package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    private static final TopicPartition P0 = new TopicPartition("q", 0);
    private static final TopicPartition P1 = new TopicPartition("q", 1);

    @Test
    void decodesValidatesAndComputesOffsetsPerPartition() {
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(
                P0, List.of(record(P0, 10, Tasks.task("a", "q", "1", 2)), record(P0, 11, "junk".getBytes()),
                        record(P0, 12, Tasks.task("b", "q", "1", 0))),
                P1, List.of(record(P1, 5, Tasks.task("", "q", "1", 1)), record(P1, 6, (byte[]) null))), Map.of());

        BatchPlan plan = BatchPlan.of(polled);

        assertThat(plan.tasks()).extracting(t -> t.task().getTaskId()).containsExactly("a");
        assertThat(plan.records()).filteredOn(PlannedRecord.Rejected.class::isInstance)
                .map(r -> ((PlannedRecord.Rejected) r).reason() + ":" + ((PlannedRecord.Rejected) r).detail())
                .containsExactlyInAnyOrder(
                        "undecodable:not a QuestionTask: " + decodeError("junk".getBytes()),
                        "invalid:n must be in [1, 4096], got 0",
                        "invalid:task_id is empty",
                        "undecodable:the record has no value");
        assertThat(plan.firstOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 10L, P1, 5L));
        assertThat(plan.nextOffsets()).containsExactlyInAnyOrderEntriesOf(
                Map.of(P0, new OffsetAndMetadata(13), P1, new OffsetAndMetadata(7)));

        BatchPlan withoutP1 = plan.without(Set.of(P1));
        assertThat(withoutP1.partitions()).containsExactly(P0);
        assertThat(withoutP1.records()).hasSize(3);
        assertThat(plan.without(Set.of(P0, P1)).isEmpty()).isTrue();
    }

    @Test
    void aTaskLargerThanItsSamplesCouldBeIsInvalid() {
        QuestionTask large = Tasks.task("large", "x".repeat(TaskValidator.MAX_TASK_BYTES), "1", 1);
        QuestionTask fits = Tasks.task("fits", "x".repeat(TaskValidator.MAX_TASK_BYTES - 100), "1", 1);
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(
                P0, List.of(record(P0, 0, large), record(P0, 1, fits))), Map.of());

        BatchPlan plan = BatchPlan.of(polled);

        assertThat(plan.tasks()).extracting(t -> t.task().getTaskId()).containsExactly("fits");
        assertThat(plan.records().get(0)).isInstanceOfSatisfying(PlannedRecord.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo("invalid");
            assertThat(rejected.detail()).matches("the record has 2621\\d\\d bytes, more than the 262144 a task may have");
        });
    }

    @Test
    void validationNamesTheFieldAtFault() {
        assertThat(TaskValidator.problem(Tasks.task("t", "q", "1", 1))).isEmpty();
        assertThat(TaskValidator.problem(Tasks.task("t", " ", "1", 1))).contains("question is empty");
        assertThat(TaskValidator.problem(Tasks.task("t", "q", "", 1))).contains("gold_answer is empty");
        assertThat(TaskValidator.problem(Tasks.task("t", "q", "1", 5000))).contains("n must be in [1, 4096], got 5000");
        QuestionTask negativeRound = Tasks.task("t", "q", "1", 1);
        negativeRound.setRound(-1);
        assertThat(TaskValidator.problem(negativeRound)).contains("round must be >= 0, got -1");
    }

    private static String decodeError(byte[] value) {
        try {
            EastSerdes.questionTask().deserialize(value);
            throw new AssertionError("decoded junk");
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, QuestionTask task) {
        return record(partition, offset, EastSerdes.questionTask().serialize(task));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                "key".getBytes(StandardCharsets.UTF_8), value);
    }
}
