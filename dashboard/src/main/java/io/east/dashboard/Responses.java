package io.east.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.east.metrics.http.HttpResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writing small responses, and the headers every response carries. */
final class Responses {

    /**
     * Scripts only from this server and none inline: even if a bug ever put model text into the DOM as markup, the
     * browser would not run it. uPlot sizes its elements through the style property, which style-src does not govern.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private Responses() {
    }

    static void secureHeaders(HttpExchange exchange) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        HttpResponses.send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        HttpResponses.send(exchange, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }
}
