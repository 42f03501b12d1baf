package io.east.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server answers before it asks the stores anything: no broker is needed, and the app is never started. */
class StateQueryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @AutoClose
    private StateQueryServer server;

    @BeforeEach
    void serve() throws Exception {
        StreamsSettings settings = new StreamsSettings(null, new WeightingSettings(WeightStrategy.ENTROPY, 1,
                new Scope.Window(1), Clustering.EXACT, SelectionRules.STANDARD, 0), Duration.ofMinutes(10), 2,
                Duration.ofHours(1), 64);
        StreamsApp app = new StreamsApp(settings, Map.of("bootstrap.servers", "127.0.0.1:9"), stateDir,
                "exactly_once_v2");
        server = new StateQueryServer(app, "127.0.0.1", 0).start();
    }

    @Test
    void onLoopbackAForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        RawReply refused = get("/tasks/t-1", "attacker.example:" + server.port());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.head()).containsIgnoringCase("Content-Type: application/json; charset=utf-8");
        assertThat(JSON.readTree(refused.body()).get("error").asText())
                .isEqualTo("this server answers only to loopback host names, not 'attacker.example:"
                        + server.port() + "'");
    }

    @Test
    void aLoopbackHostNameIsAnswered() throws Exception {
        for (String host : new String[] {"localhost:" + server.port(), "127.0.0.1:" + server.port()}) {
            RawReply answered = get("/tasks/", host);

            assertThat(answered.status()).as(host).isEqualTo(400);
            JsonNode body = JSON.readTree(answered.body());
            assertThat(body.get("error").asText()).as(host).isEqualTo("give a task id: /tasks/{task_id}");
        }
    }

    private record RawReply(int status, String head, String body) {
    }

    /** A request written by hand: the JDK's client will not send a Host header of our choosing. */
    private RawReply get(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = reply.indexOf("\r\n\r\n");
            return new RawReply(Integer.parseInt(reply.substring(9, 12)), reply.substring(0, end),
                    reply.substring(end + 4));
        }
    }
}
