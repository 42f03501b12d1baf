package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.metrics.ProcessMetrics;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code east generate --metrics-port} publishes about a worker. */
class WorkerMetersTest {

    private static final TopicPartition P0 = new TopicPartition("q", 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final GatedBackend backend = new GatedBackend();
    private final GeneratorWorker worker = new GeneratorWorker(
            WorkerSettings.defaults("unit").withTopics(new GenerateTopics("q", "s", "d")), backend, consumer,
            producer, Clock.systemUTC());
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.stop();
        backend.open();
        thread.shutdownNow();
    }

    @Test
    void aScrapeShowsCommittedWorkAndOwnedPartitions() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("generate")) {
            worker.bindMetrics(metrics);
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.schedulePollTask(() -> {
                consumer.rebalance(List.of(P0));
                consumer.addRecord(new ConsumerRecord<>("q", 0, 0, "a".getBytes(StandardCharsets.UTF_8),
                        EastSerdes.questionTask().serialize(Tasks.task("a", "What is 2*3?", "6", 2))));
            });
            thread.submit(worker::run);
            backend.awaitBatchWaiting();
            backend.open();

            await().atMost(Duration.ofSeconds(10)).until(() -> producer.commitCount() == 1);
            assertThat(metrics.scrape())
                    .contains("east_generate_tasks_total{component=\"generate\",worker=\"unit\"} 1.0")
                    .contains("east_generate_samples_total{component=\"generate\",worker=\"unit\"} 2.0")
                    .contains("east_generate_transactions_total{component=\"generate\",worker=\"unit\"} 1.0")
                    .contains("east_generate_transactions_aborted_total{component=\"generate\",worker=\"unit\"} 0.0")
                    .contains("east_generate_partitions{component=\"generate\",worker=\"unit\"} 1.0")
                    .contains("jvm_memory_used_bytes{");
        }
    }
}
