package io.east.serve;

import static io.east.serve.ServeClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.testing.TinyCheckpoints;
import io.east.serve.ServeClient.Raw;
import io.east.serve.ServeClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request gets a 4xx in OpenAI's error shape naming the field, and the server keeps serving. */
class RequestValidationTest {

    private static final int MAX_BODY = 4096;
    private static final String COMPLETIONS = "/v1/completions";
    private static final String CHAT = "/v1/chat/completions";
    private static final Raw USER = new Raw("[{\"role\": \"user\", \"content\": \"hi\"}]");

    @TempDir
    static Path dir;

    @AutoClose
    static ServeServer server;
    static ServeClient client;

    @BeforeAll
    static void start() throws Exception {
        Path checkpoint = TinyCheckpoints.write(dir.resolve("tiny"), 3);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0)
                .withMaxBodyBytes(MAX_BODY).withMaxChoices(16), checkpoint, null);
        client = new ServeClient(server.baseUrl());
    }

    @AfterEach
    void stillServes() {
        Reply reply = client.post(COMPLETIONS, json("prompt", "a", "max_tokens", 2));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("choices")).hasSize(1);
    }

    static Stream<Arguments> badBodies() {
        String longPrompt = "x".repeat(TinyCheckpoints.CONFIG.maxPositionEmbeddings());
        return Stream.of(
                bad(COMPLETIONS, "{\"prompt\": \"a\",", 400, null),
                bad(COMPLETIONS, "[1, 2]", 400, null),
                bad(COMPLETIONS, "", 400, null),
                bad(COMPLETIONS, "{\"prompt\": \"a\", \"prompt\": \"b\"}", 400, null),
                bad(COMPLETIONS, json("max_tokens", 3), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", 5), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", new Raw("[\"a\", 7]")), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", List.of()), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", new Raw("[[1, 2, 3]]")), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", longPrompt), 400, "prompt"),
                bad(COMPLETIONS, json("prompt", "a", "n", 0), 400, "n"),
                bad(COMPLETIONS, json("prompt", "a", "n", 17), 400, "n"),
                bad(COMPLETIONS, json("prompt", List.of("a", "b", "c"), "n", 6), 400, "n"),
                bad(COMPLETIONS, json("prompt", "a", "n", "2"), 400, "n"),
                bad(COMPLETIONS, json("prompt", "a", "n", 1.5), 400, "n"),
                bad(COMPLETIONS, json("prompt", "a", "temperature", -0.1), 400, "temperature"),
                bad(COMPLETIONS, json("prompt", "a", "temperature", 2.5), 400, "temperature"),
                bad(COMPLETIONS, json("prompt", "a", "temperature", "hot"), 400, "temperature"),
                bad(COMPLETIONS, json("prompt", "a", "top_p", 0), 400, "top_p"),
                bad(COMPLETIONS, json("prompt", "a", "top_p", 1.01), 400, "top_p"),
                bad(COMPLETIONS, json("prompt", "a", "max_tokens", 0), 400, "max_tokens"),
                bad(COMPLETIONS, json("prompt", "a", "max_tokens", 257), 400, "max_tokens"),
                bad(COMPLETIONS, json("prompt", "a", "max_tokens", 1e30), 400, "max_tokens"),
                bad(COMPLETIONS, json("prompt", "a", "stop", 5), 400, "stop"),
                bad(COMPLETIONS, json("prompt", "a", "stop", new Raw("[\"x\", 1]")), 400, "stop"),
                bad(COMPLETIONS, json("prompt", "a", "stop", List.of("")), 400, "stop"),
                bad(COMPLETIONS, json("prompt", "a", "stop", List.of("a", "b", "c", "d", "e")), 400, "stop"),
                bad(COMPLETIONS, json("prompt", "a", "logprobs", 6), 400, "logprobs"),
                bad(COMPLETIONS, json("prompt", "a", "logprobs", true), 400, "logprobs"),
                bad(COMPLETIONS, json("prompt", "a", "seed", "x"), 400, "seed"),
                bad(COMPLETIONS, json("prompt", "a", "stream", true), 400, "stream"),
                bad(COMPLETIONS, json("prompt", "a", "echo", true), 400, "echo"),
                bad(COMPLETIONS, json("prompt", "a", "best_of", 3), 400, "best_of"),
                bad(COMPLETIONS, json("prompt", "a", "presence_penalty", 0.5), 400, "presence_penalty"),
                bad(COMPLETIONS, json("prompt", "a", "logit_bias", new Raw("{\"5\": 10}")), 400, "logit_bias"),
                bad(COMPLETIONS, json("prompt", "a", "model", "gpt-4"), 404, "model"),
                bad(COMPLETIONS, json("prompt", "a", "model", 3), 400, "model"),
                bad(CHAT, json("max_tokens", 3), 400, "messages"),
                bad(CHAT, json("messages", List.of()), 400, "messages"),
                bad(CHAT, json("messages", "hi"), 400, "messages"),
                bad(CHAT, json("messages", new Raw("[\"hi\"]")), 400, "messages[0]"),
                bad(CHAT, json("messages", new Raw("[{\"content\": \"hi\"}]")), 400, "messages[0].role"),
                bad(CHAT, json("messages", new Raw("[{\"role\": \"user\", \"content\": \"hi\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"yo\"}]")), 400, "messages[1].role"),
                bad(CHAT, json("messages", new Raw("[{\"role\": \"user\", \"content\": 5}]")), 400,
                        "messages[0].content"),
                bad(CHAT, json("messages", new Raw("[{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]")),
                        400, "messages[0].content"),
                bad(CHAT, json("messages", new Raw("[{\"role\": \"system\", \"content\": \"be brief\"}]")), 400,
                        "messages"),
                bad(CHAT, json("messages", USER, "logprobs", 1), 400, "logprobs"),
                bad(CHAT, json("messages", USER, "top_logprobs", 2), 400, "top_logprobs"),
                bad(CHAT, json("messages", USER, "max_completion_tokens", 0), 400, "max_completion_tokens"),
                bad(CHAT, json("messages", USER, "tools", new Raw("[{\"type\": \"function\"}]")), 400, "tools"),
                bad(CHAT, json("messages", USER, "n", -1), 400, "n"));
    }

    private static Arguments bad(String path, String body, int status, String param) {
        return Arguments.of(path, body, status, param);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedNamingTheField(String path, String body, int status, String param) {
        Reply reply = client.post(path, body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.error().path("message").asText()).isNotBlank();
        assertThat(reply.error().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(reply.error().has("code")).isTrue();
        if (param == null) {
            assertThat(reply.error().path("param").isNull()).isTrue();
        } else {
            assertThat(reply.error().path("param").asText()).isEqualTo(param);
        }
    }

    @Test
    void anUnknownModelIsNotFound() {
        assertThat(client.post(COMPLETIONS, json("prompt", "a", "model", "gpt-4")).error().path("code").asText())
                .isEqualTo("model_not_found");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        Reply reply = client.get("/v1/engines");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        assertThat(client.get(COMPLETIONS).status()).isEqualTo(405);
        assertThat(client.post("/v1/models", "{}").status()).isEqualTo(405);
        assertThat(client.post("/get_model_info", "{}").status()).isEqualTo(405);
        assertThat(client.get("/update_weights_from_disk").status()).isEqualTo(405);
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsRefused() {
        Reply reply = client.post(COMPLETIONS, json("prompt", "a"), "text/plain");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.error().path("message").asText()).contains("application/json");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        Reply reply = client.post(COMPLETIONS, json("prompt", "a".repeat(MAX_BODY)));
        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void aForeignHostNameIsRefusedOnALoopbackAddress() throws IOException {
        assertThat(rawStatus("GET /v1/models HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n"))
                .isEqualTo(403);
        assertThat(rawStatus("GET /v1/models HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n"))
                .isEqualTo(200);
    }

    /** The status of a request written by hand: the JDK client will not send a Host header of our choosing. */
    private static int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
