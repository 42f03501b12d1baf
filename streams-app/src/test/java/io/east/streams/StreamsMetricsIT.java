package io.east.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.metrics.MetricsServer;
import io.east.metrics.ProcessMetrics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What {@code east streams --metrics-port} serves: Kafka Streams' metrics and the JVM's, in Prometheus text. */
class StreamsMetricsIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    @Test
    void servesKafkaStreamsAndJvmMetrics() throws Exception {
        StreamsSettings settings = new StreamsSettings(null, new WeightingSettings(WeightStrategy.ENTROPY, 1,
                new Scope.Window(4), Clustering.EXACT, SelectionRules.STANDARD, 0), Duration.ofMinutes(10), 2,
                Duration.ofHours(1), 64);
        try (StreamsApp app = new StreamsApp(settings, Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers()), stateDir, "exactly_once_v2").start();
             ProcessMetrics metrics = ProcessMetrics.create("streams");
             MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            app.bindMetrics(metrics);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String body = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Set<String> families = body.lines().filter(line -> line.startsWith("# TYPE "))
                        .map(line -> line.split(" ")[2]).collect(Collectors.toCollection(TreeSet::new));
                assertThat(families).anyMatch(name -> name.startsWith("kafka_stream_thread_"))
                        .anyMatch(name -> name.startsWith("kafka_consumer_"))
                        .contains("jvm_memory_used_bytes");
            });
        }
    }
}
