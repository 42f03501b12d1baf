package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.east.schemas.ReasoningSample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The worker's transaction logic against Kafka's mock clients: what is committed when things go wrong. */
class GeneratorWorkerTest {

    private static final TopicPartition P0 = new TopicPartition("q", 0);
    private static final TopicPartition P1 = new TopicPartition("q", 1);

    @AutoClose
    private final WorkerOnMockClients mocks = new WorkerOnMockClients();
    private final MockConsumer<byte[], byte[]> consumer = mocks.consumer();
    private final MockProducer<byte[], byte[]> producer = mocks.producer();
    private final GatedBackend backend = mocks.backend();
    private final GeneratorWorker worker = mocks.worker();

    @Test
    void tasksOfAPartitionRevokedWhileGeneratingAreLeftToItsNewOwner() throws Exception {
        mocks.startWith(P0, P1);
        backend.awaitBatchWaiting();
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().equals(java.util.Set.of(P0)));
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.commitCount() == 1);
        assertThat(mocks.samples()).extracting(ReasoningSample::getTaskId).containsExactly("a", "a");
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
        mocks.startWith(P0, P1);
        backend.awaitBatchWaiting();
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().aborted() == 1);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        consumer.schedulePollTask(() -> {
            assertThat(consumer.position(P0)).isZero();
            assertThat(consumer.position(P1)).isZero();
            producer.commitTransactionException = null;
            consumer.addRecord(WorkerOnMockClients.task(P0, 0, "a"));
            consumer.addRecord(WorkerOnMockClients.task(P1, 0, "b"));
        });
        backend.awaitBatchWaiting();
        backend.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.commitCount() == 1);
        assertThat(mocks.samples()).extracting(ReasoningSample::getTaskId).containsExactlyInAnyOrder("a", "a", "b", "b");
        assertThat(worker.stats()).isEqualTo(new WorkerStats(2, 4, 0, 1, 1));
    }

    @Test
    void aFencedWorkerStops() throws Exception {
        producer.beginTransactionException = new ProducerFencedException("newer epoch");
        Future<WorkerStats> run = mocks.startWith(P0);
        backend.awaitBatchWaiting();
        backend.open();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(WorkerFencedException.class)
                .hasMessageContaining("another worker with id 'unit'");
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void stoppingWhileGeneratingCommitsNothing() throws Exception {
        Future<WorkerStats> run = mocks.startWith(P0, P1);
        backend.awaitBatchWaiting();
        worker.stop();

        assertThat(run.get(30, TimeUnit.SECONDS).transactions()).isZero();
        assertThat(producer.history()).isEmpty();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }
}
