package io.east.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive queries: what a running app holds for a task in flight, and its latest window statistics. The body of
 * {@link StateQueryServerIT} (embedded broker) and {@link StateQueryServerOnContainerIT} (Kafka in Docker).
 */
abstract class StateQueryServerStory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    private TestKafka kafka;

    /** The Kafka whose extension the concrete class registers. */
    @BeforeEach
    void useKafka(TestKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void servesATaskInFlightAndTheLatestWindowStatistics() throws Exception {
        StreamsSettings settings = new StreamsSettings(null, new WeightingSettings(WeightStrategy.ENTROPY, 1,
                new Scope.Window(1), Clustering.EXACT, SelectionRules.STANDARD, 0), Duration.ofMinutes(10), 2,
                Duration.ofHours(1), 64);
        try (StreamsApp app = new StreamsApp(settings, kafka.clientProps(), stateDir, "exactly_once_v2").start();
             StateQueryServer server = new StateQueryServer(app, "127.0.0.1", 0).start()) {
            List<ReasoningSample> open = TestSamples.task("open-task", "5+", "7-", "7-", "5+", "9-");
            produce(open.subList(0, 3));
            produce(TestSamples.task("done-task", "5+", "7-"));

            JsonNode task = await().atMost(Duration.ofSeconds(60)).until(
                    () -> get(server, "/tasks/open-task"), json -> json.path("received").asInt() == 3);
            assertThat(task.get("n").asInt()).isEqualTo(5);
            assertThat(task.get("completed").asBoolean()).isFalse();
            assertThat(task.get("sample_indexes")).hasSize(3);
            assertThat(task.get("clusters").get(0).get("answer").asText()).isEqualTo("5");
            assertThat(task.get("clusters").get(1).get("count").asInt()).isEqualTo(2);
            assertThat(task.get("entropy_so_far").asDouble())
                    .isCloseTo(-(Math.log(1 / 3.0) / 3 + 2 * Math.log(2 / 3.0) / 3) / Math.log(2),
                            org.assertj.core.api.Assertions.within(1e-12));

            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                    () -> get(server, "/tasks/done-task"), json -> json.path("completed").asBoolean());
            assertThat(done.get("completed_at").asLong()).isPositive();

            JsonNode stats = await().atMost(Duration.ofSeconds(60)).until(
                    () -> get(server, "/weight-stats"), json -> json.size() == 1);
            assertThat(stats.get(0).get("kept").asInt()).isEqualTo(1);
            assertThat(stats.get(0).get("weight_mean").asDouble()).isEqualTo(1.0);

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/tasks/nope")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(get(server, "/health").get("state").asText()).isEqualTo("RUNNING");
        }
    }

    private JsonNode get(StateQueryServer server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void produce(List<ReasoningSample> samples) {
        try (KafkaProducer<String, ReasoningSample> producer = new KafkaProducer<>(kafka.producerProps(),
                new StringSerializer(), EastSerdes.reasoningSample().serializer())) {
            samples.forEach(s -> producer.send(new ProducerRecord<>(EastTopics.SAMPLES.name(), s.getTaskId(), s)));
            producer.flush();
        }
    }
}
