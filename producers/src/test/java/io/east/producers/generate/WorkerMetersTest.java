package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.metrics.ProcessMetrics;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What {@code east generate --metrics-port} publishes about a worker. */
class WorkerMetersTest {

    private static final TopicPartition P0 = new TopicPartition("q", 0);

    @AutoClose
    private final WorkerOnMockClients mocks = new WorkerOnMockClients();

    @Test
    void aScrapeShowsCommittedWorkAndOwnedPartitions() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("generate")) {
            mocks.worker().bindMetrics(metrics);
            mocks.startWith(P0);
            mocks.backend().awaitBatchWaiting();
            mocks.backend().open();

            await().atMost(Duration.ofSeconds(10)).until(() -> mocks.producer().commitCount() == 1);
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
