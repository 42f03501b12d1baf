package io.east.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesJvmMetricsAndOwnMetersInPrometheusText() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("test");
                MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            Counter.builder("east_things").description("things seen").register(metrics.registry()).increment(3);

            HttpResponse<String> response = get(server.url(), "text/plain");

            assertThat(server.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.PROMETHEUS_TEXT);
            assertThat(response.body())
                    .contains("# TYPE east_things_total counter")
                    .contains("east_things_total{component=\"test\"} 3.0")
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads{")
                    .contains("process_uptime_seconds{");
        }
    }

    @Test
    void answersOpenMetricsWhenAsked() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("test");
                MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            HttpResponse<String> response = get(server.url(), "application/openmetrics-text; version=1.0.0");

            assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.OPENMETRICS_TEXT);
            assertThat(response.body()).endsWith("# EOF\n");
        }
    }

    @Test
    void refusesOtherPathsAndMethods() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("test");
                MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(base + "/metricsx", "*/*").statusCode()).isEqualTo(404);
            assertThat(get(base + "/", "*/*").statusCode()).isEqualTo(404);
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void answersHeadWithHeadersOnlyOnEveryPath() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.create("test");
                MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            HttpResponse<String> scrape = head(server.url());
            HttpResponse<String> missing = head("http://127.0.0.1:" + server.port() + "/metricsx");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.PROMETHEUS_TEXT);
            assertThat(scrape.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(scrape.body()).isEmpty();
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(missing.body()).isEmpty();
        }
    }

    @Test
    void closesTheBindersItHolds() {
        AtomicBoolean closed = new AtomicBoolean();
        ProcessMetrics metrics = ProcessMetrics.create("test");
        metrics.bind(new ClosingBinder(closed));

        metrics.close();

        assertThat(closed).isTrue();
        assertThatThrownBy(() -> metrics.bind(registry -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsComponentNamesThatWouldMakeOddLabels() {
        assertThatThrownBy(() -> ProcessMetrics.create("Streams App")).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> get(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> head(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private record ClosingBinder(AtomicBoolean closed) implements MeterBinder, AutoCloseable {

        @Override
        public void bindTo(MeterRegistry registry) {
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
