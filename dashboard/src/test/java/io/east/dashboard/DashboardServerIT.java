package io.east.dashboard;

import static io.east.dashboard.DashboardRecords.eval;
import static io.east.dashboard.DashboardRecords.step;
import static io.east.dashboard.DashboardRecords.version;
import static io.east.dashboard.DashboardRecords.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.broker.BrokerSettings;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's HTTP endpoints against a real broker, without a browser. */
class DashboardServerIT {

    private static final String EXPERIMENT = "beta";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<Integer> COUNTS = List.of(0, 3, 5, 2);

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension(BrokerSettings.defaults(), EXPERIMENT);

    private static Dashboard dashboard;
    private static DashboardRecords records;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardSettings.defaults(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))
                .withPort(0).withExperiments(List.of(EXPERIMENT)));
        records = new DashboardRecords(KAFKA.producerProps());
    }

    @AfterAll
    static void stop() {
        if (records != null) {
            records.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void bindsTheLoopbackUnlessToldOtherwise() {
        assertThat(dashboard.url()).startsWith("http://127.0.0.1:").endsWith("/");
    }

    @Test
    void theSnapshotHoldsEachExperimentsRecordsAndTotals() {
        records.send(EXPERIMENT, window(EXPERIMENT, 0, COUNTS, COUNTS, 2, 1.5, 1, Map.of("all_correct", 4)));
        records.send(EXPERIMENT, window(EXPERIMENT, 1, COUNTS, COUNTS, 2, 1.6, 1, Map.of("all_correct", 1,
                "incomplete", 2)));
        records.send(eval(EXPERIMENT, 1, 0.5));
        records.send(version(EXPERIMENT, 1, "file:///ckpt/beta/v1"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode beta = getJson("/api/state").at("/series/" + EXPERIMENT);
            assertThat(beta.get("weightStats")).hasSize(2);
            assertThat(beta.get("totals").toString())
                    .isEqualTo("{\"windows\":2,\"kept\":20,\"discarded\":{\"all_correct\":5,\"incomplete\":2}}");
            assertThat(beta.at("/eval/0/pass_at_1").asDouble()).isEqualTo(0.5);
            assertThat(beta.at("/modelVersions/0/checkpoint_uri").asText()).isEqualTo("file:///ckpt/beta/v1");
        });
    }

    @Test
    void eventsCarryEachNewRecordAfterTheSnapshotsSequenceNumber() throws Exception {
        long snapshotSeq = getJson("/api/state").get("seq").asLong();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        HttpResponse<Stream<String>> stream = http.send(request("/events"), HttpResponse.BodyHandlers.ofLines());
        try {
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            reader.submit(() -> stream.body().forEach(lines::add));
            await().atMost(PATIENCE).until(() -> lines.contains(": connected"));

            records.send(step("events", 7, 0.25, 1.1));

            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.contains("\"events\"")));
            List<String> seen = List.copyOf(lines);
            String data = seen.stream().filter(line -> line.contains("\"events\"")).findFirst().orElseThrow();
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertThat(event.get("kind").asText()).isEqualTo("train");
            assertThat(event.get("seq").asLong()).isGreaterThan(snapshotSeq);
            assertThat(event.at("/record/step").asLong()).isEqualTo(7);
            int at = seen.indexOf(data);
            assertThat(seen.get(at - 2)).isEqualTo("id: " + event.get("seq").asLong());
            assertThat(seen.get(at - 1)).isEqualTo("event: update");
        } finally {
            stream.body().close();
            reader.shutdownNow();
        }
    }

    @Test
    void anUndecodableRecordIsSkippedAndTheNextOneShown() {
        records.sendRaw(EastTopics.TRAIN_METRICS.name(), "not avro".getBytes(StandardCharsets.UTF_8));
        records.send(step("after-garbage", 1, 0.5, 1.0));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(getJson("/api/state").at("/series/after-garbage/train/0/loss").asDouble()).isEqualTo(0.5);
            assertThat(get("/metrics").body())
                    .contains("east_dashboard_records_skipped_total{component=\"dashboard\",topic=\"east.train-metrics\"} 1.0");
        });
    }

    @Test
    void metricsHoldTheDashboardsFiguresAndKafkaAndJvmMetrics() {
        records.send(null, window(null, 0, COUNTS, COUNTS, 1, 1.2, 0.875, Map.of("no_correct", 3)));
        records.send(step(null, 12, 0.75, 1.0));
        records.send(eval(null, 4, 0.625));
        records.send(version(null, 4, "file:///ckpt/v4"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> metrics = get("/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body())
                    .contains("east_dashboard_window_weight_mean{component=\"dashboard\",experiment=\"main\"} 0.875")
                    .contains("east_dashboard_window_weight_max{component=\"dashboard\",experiment=\"main\"} 2.6")
                    .contains("east_dashboard_groups_kept_total{component=\"dashboard\",experiment=\"main\"} 10.0")
                    .contains("east_dashboard_groups_discarded_total{component=\"dashboard\",experiment=\"main\","
                            + "reason=\"no_correct\"} 3.0")
                    .contains("east_dashboard_train_loss{component=\"dashboard\",experiment=\"main\"} 0.75")
                    .contains("east_dashboard_eval_pass_at_1{component=\"dashboard\",dataset=\"gsm8k\","
                            + "experiment=\"main\",model_version=\"4\",split=\"test\"} 0.625")
                    .contains("east_dashboard_model_version{component=\"dashboard\",experiment=\"main\"} 4.0")
                    .contains("kafka_consumer_")
                    .contains("client_id=\"east-dashboard\"")
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_gc_")
                    .contains("jvm_threads_live_threads{");
        });
    }

    @Test
    void servesThePageAndItsAssetsFromTheJarWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").contains("default-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // Nothing on the page comes from elsewhere.
        assertThat(page.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");

        HttpResponse<String> uplot = get("/static/vendor/uplot/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(uplot.body()).startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.32) */");
        assertThat(get("/static/vendor/uplot/LICENSE").body()).contains("The MIT License");
        assertThat(get("/static/dashboard.js").body()).doesNotContain("innerHTML =");

        for (String path : List.of("/static/../../pom.xml", "/static/%2e%2e/index.html", "/static/",
                "/static/io/east/dashboard/Dashboard.class", "/static/.hidden", "/logback.xml", "/nothing")) {
            assertThat(rawStatus(path, "127.0.0.1")).as(path).isEqualTo(404);
        }
    }

    @Test
    void isReadOnly() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/state"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void answersOnlyToLoopbackNamesAgainstDnsRebinding() throws Exception {
        assertThat(rawStatus("/api/state", "evil.example:" + dashboard.port())).isEqualTo(403);
        assertThat(rawStatus("/api/state", "localhost:" + dashboard.port())).isEqualTo(200);
        assertThat(get("/health").body()).contains("\"status\":\"UP\"");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(dashboard.url() + path.substring(1))).GET().build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The status of a request sent as written: the JDK's client would normalise the path and refuse a Host header. */
    private static int rawStatus(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
