package io.east.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.east.metrics.http.HttpResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /metrics}: the process's meters in the Prometheus text format, or in OpenMetrics when the scraper's
 * {@code Accept} header asks for it. Mount it on an {@link com.sun.net.httpserver.HttpServer} the process already
 * runs, or let {@link MetricsServer} give it a port of its own.
 */
public final class MetricsEndpoint implements HttpHandler {

    public static final String PATH = "/metrics";
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final ProcessMetrics metrics;

    public MetricsEndpoint(ProcessMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                sendText(exchange, 404, "not found\n");
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "only GET and HEAD\n");
                return;
            }
            boolean openMetrics = wantsOpenMetrics(exchange.getRequestHeaders().getFirst("Accept"));
            String contentType = openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
            byte[] body = metrics.scrape(contentType).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            HttpResponses.send(exchange, 200, contentType, body);
        }
    }

    static boolean wantsOpenMetrics(String accept) {
        return accept != null && accept.contains("application/openmetrics-text");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        HttpResponses.send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
