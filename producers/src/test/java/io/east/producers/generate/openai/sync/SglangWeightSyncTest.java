package io.east.producers.generate.openai.sync;

import static io.east.producers.generate.openai.sync.LoadFailures.assertLoadFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.east.producers.generate.openai.ApiKey;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.openai.FakeOpenAiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SGLang's update_weights_from_disk and get_model_info, against a server that speaks them over a real socket. */
class SglangWeightSyncTest {

    private static final ServedCheckpoint V1 = new ServedCheckpoint(1, Path.of("/local/v000001"), "/srv/v000001");
    private static final ServedCheckpoint V2 = new ServedCheckpoint(2, Path.of("/local/v000002"), "/srv/v000002");

    @AutoClose
    private FakeOpenAiServer server;
    private SglangWeightSync sync;

    @BeforeEach
    void start() throws Exception {
        server = FakeOpenAiServer.start();
        sync = sync(server.baseUrl() + "/v1");
    }

    private static SglangWeightSync sync(String baseUrl) {
        return new SglangWeightSync(new AdminHttp(Duration.ofSeconds(5), ApiKey.none()), baseUrl, "worker-7",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aLoadPostsTheServedPathAtTheRootAndConfirmsItWithGetModelInfo() throws Exception {
        sync.load(V1);

        assertThat(server.reloads()).singleElement().satisfies(reload -> {
            assertThat(reload.route()).isEqualTo("/update_weights_from_disk");
            assertThat(reload.body().get("model_path").asText()).isEqualTo("/srv/v000001");
            assertThat(reload.body().get("weight_version").asText()).isEqualTo("east:worker-7:v1");
        });
        assertThat(server.servedModelPath()).isEqualTo("/srv/v000001");
        assertThat(sync.reportsServing(V1)).isTrue();
        assertThat(sync.reportsServing(V2)).isFalse();
        assertThat(sync.target()).isEqualTo("POST " + server.baseUrl() + "/update_weights_from_disk");
    }

    @Test
    void withoutWeightVersionsTheLabelIsNotSentAndOwnershipGoesByPath() throws Exception {
        server.reportWeightVersion(false);
        sync.load(V1);

        assertThat(server.reloads().get(0).body().has("weight_version")).isFalse();
        sync.checkOwnership(List.of(V1));
        server.serve("/someone/else", null);
        assertThatThrownBy(() -> sync.checkOwnership(List.of(V1))).isInstanceOf(SharedEndpointException.class);
    }

    @Test
    void aFailedLoadCarriesTheServersMessageAndMayBeRetried() {
        server.enqueueReload(new ReloadFault.Fails("Failed to get weights iterator: /srv/v000001 (not found)."));

        assertLoadFails(sync, V1, true, "POST " + server.baseUrl() + "/update_weights_from_disk",
                "could not load /srv/v000001", "Failed to get weights iterator");
        assertThat(server.servedModelPath()).isEqualTo("fake-base-model");
    }

    @Test
    void aMissingRouteIsPermanentAndSaysWhatWasExpected() throws Exception {
        try (FakeOpenAiServer plain = FakeOpenAiServer.start()) {
            assertLoadFails(sync(plain.baseUrl() + "/proxy/v1"), V1, false,
                    "GET " + plain.baseUrl() + "/proxy/get_model_info", "HTTP 404", "is this an SGLang server?");
        }
    }

    @Test
    void aServerErrorIsRetryable() {
        server.enqueueReload(new ReloadFault.Status(503));

        assertLoadFails(sync, V1, true, "POST " + server.baseUrl() + "/update_weights_from_disk: HTTP 503");
    }

    @Test
    void anotherWorkersLoadOfTheSamePathIsToldApartByItsLabel() throws Exception {
        sync.load(V1);
        sync.checkOwnership(List.of(V1));

        server.serve("/srv/v000001", "east:worker-8:v1");

        assertThatThrownBy(() -> sync.checkOwnership(List.of(V1)))
                .isInstanceOf(SharedEndpointException.class)
                .hasMessageContaining("serves model_path '/srv/v000001' with weight_version 'east:worker-8:v1'")
                .hasMessageContaining("which this process (worker-7) did not load")
                .hasMessageContaining("one worker per endpoint");
    }

    @Test
    void anAnswerWithoutItsFieldsIsRefusedNamingTheRouteAndTheField() throws Exception {
        HttpServer odd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        odd.createContext("/get_model_info", exchange -> answer(exchange, "{\"model\":\"x\"}"));
        odd.createContext("/update_weights_from_disk", exchange -> answer(exchange, "{\"message\":\"ok\"}"));
        odd.start();
        try {
            String base = "http://127.0.0.1:" + odd.getAddress().getPort();
            assertLoadFails(sync(base), V1, true, "GET " + base + "/get_model_info: the answer's model_path is missing");
        } finally {
            odd.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
