package io.east.metrics.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes one whole response and ends the exchange. Headers such as {@code Cache-Control} are the caller's to set
 * before; this sets only {@code Content-Type}.
 */
public final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * Sends {@code body} with {@code status}, or only the headers when the request is a HEAD: the JDK's server refuses
     * body bytes on a HEAD response. An empty body is sent with {@code Content-Length: 0} rather than chunked.
     *
     * @throws IOException when the client has gone away
     */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
