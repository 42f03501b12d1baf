package io.east.metrics.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    private static final String TEXT = "text/plain; charset=utf-8";

    private final AtomicReference<byte[]> body =
            new AtomicReference<>("short and stout\n".getBytes(StandardCharsets.UTF_8));
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                HttpResponses.send(exchange, 418, TEXT, body.get());
            } catch (Exception | Error e) {
                failure.set(e);
                throw e;
            }
        });
        server.start();
    }

    /** Whatever a test asserts of the reply, the handler must not have thrown while sending it. */
    @AfterEach
    void stop() {
        server.stop(0);
        assertThat(failure.get()).isNull();
    }

    @Test
    void aGetGetsStatusTypeLengthAndBodyAndTheCallersHeaders() throws Exception {
        String reply = raw("GET");

        assertThat(reply).startsWith("HTTP/1.1 418 ")
                .containsIgnoringCase("\r\nContent-Type: " + TEXT + "\r\n")
                .containsIgnoringCase("\r\nContent-Length: 16\r\n")
                .containsIgnoringCase("\r\nCache-Control: no-store\r\n")
                .endsWith("\r\n\r\nshort and stout\n");
    }

    @Test
    void aHeadGetsTheHeadersOnly() throws Exception {
        String reply = raw("HEAD");

        assertThat(reply).startsWith("HTTP/1.1 418 ")
                .containsIgnoringCase("\r\nContent-Type: " + TEXT + "\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void anEmptyBodyIsSentWithLengthZeroNotChunked() throws Exception {
        body.set(new byte[0]);

        String reply = raw("GET");

        assertThat(reply).containsIgnoringCase("\r\nContent-Length: 0\r\n").doesNotContainIgnoringCase("chunked")
                .endsWith("\r\n\r\n");
    }

    /** The whole reply as sent, so that a body or a framing header cannot hide. */
    private String raw(String method) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
