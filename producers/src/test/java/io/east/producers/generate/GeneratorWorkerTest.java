package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's transaction logic against Kafka's mock clients: what is committed when things go wrong. */
class GeneratorWorkerTest {

    private static final TopicPartition P0 = new TopicPartition("q", 0);
    private static final TopicPartition P1 = new TopicPartition("q", 1);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final GatedBackend backend = new GatedBackend();
    private final GeneratorWorker worker = new GeneratorWorker(
            WorkerSettings.defaults("unit").withTopics(new GenerateTopics("q", "s", "d")), backend, consumer,
            producer, Clock.systemUTC());
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws Exception {
        worker.stop();
        backend.open();
        thread.shutdownNow();
    }

    private Future<WorkerStats> startWith(TopicPartition... partitions) {
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(partitions));
            for (TopicPartition partition : partitions) {
                consumer.addRecord(task(partition, 0, partition.equals(P0) ? "a" : "b"));
            }
        });
        return thread.submit(worker::run);
    }

    @Test
    void tasksOfAPartitionRevokedWhileGeneratingAreLeftToItsNewOwner() throws Exception {
        startWith(P0, P1);
        backend.awaitBatchWaiting();
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().equals(java.util.Set.of(P0)));
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.commitCount() == 1);
        assertThat(samples()).extracting(ReasoningSample::getTaskId).containsExactly("a", "a");
        // The mock consumer reports a dummy group id; what matters is which offsets went into the transaction.
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .extracting(offsets -> List.copyOf(offsets.values()))
                .isEqualTo(List.of(Map.of(P0, new OffsetAndMetadata(1))));
        // (The mock keeps pause flags of partitions it no longer assigns; a real consumer drops them.)
        assertThat(consumer.paused()).as("resumed after generating").doesNotContain(P0);
    }

    @Test
    void aFailedCommitAbortsAndRewindsToTheBatchStart() throws Exception {
        producer.commitTransactionException = new CommitFailedException("fenced by a newer generation");
        startWith(P0, P1);
        backend.awaitBatchWaiting();
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().aborted() == 1);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        consumer.schedulePollTask(() -> {
            assertThat(consumer.position(P0)).isZero();
            assertThat(consumer.position(P1)).isZero();
            producer.commitTransactionException = null;
            consumer.addRecord(task(P0, 0, "a"));
            consumer.addRecord(task(P1, 0, "b"));
        });
        backend.awaitBatchWaiting();
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.commitCount() == 1);
        assertThat(samples()).extracting(ReasoningSample::getTaskId).containsExactlyInAnyOrder("a", "a", "b", "b");
        assertThat(worker.stats()).isEqualTo(new WorkerStats(2, 4, 0, 1, 1));
    }

    @Test
    void aFencedWorkerStops() throws Exception {
        producer.beginTransactionException = new ProducerFencedException("newer epoch");
        Future<WorkerStats> run = startWith(P0);
        backend.awaitBatchWaiting();
        backend.open();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(WorkerFencedException.class)
                .hasMessageContaining("another worker with id 'unit'");
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void stoppingWhileGeneratingCommitsNothing() throws Exception {
        Future<WorkerStats> run = startWith(P0, P1);
        backend.awaitBatchWaiting();
        worker.stop();

        assertThat(run.get(30, TimeUnit.SECONDS).transactions()).isZero();
        assertThat(producer.history()).isEmpty();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    private List<ReasoningSample> samples() {
        return producer.history().stream().filter(r -> r.topic().equals("s")).map(ProducerRecord::value)
                .map(EastSerdes.reasoningSample()::deserialize).toList();
    }

    private static ConsumerRecord<byte[], byte[]> task(TopicPartition partition, long offset, String taskId) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                taskId.getBytes(StandardCharsets.UTF_8),
                EastSerdes.questionTask().serialize(Tasks.task(taskId, "What is 2*3?", "6", 2)));
    }
}
