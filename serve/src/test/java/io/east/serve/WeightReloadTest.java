package io.east.serve;

import static io.east.serve.ServeClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.testing.TinyCheckpoints;
import io.east.producers.versions.CheckpointRoot;
import io.east.serve.ServeClient.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SGLang's update_weights_from_disk and get_model_info against a server that starts on checkpoint a. */
class WeightReloadTest {

    private static final String RELOAD = "/update_weights_from_disk";
    private static final String GREEDY = json("prompt", "Question: 7 + 5?\nAnswer:", "temperature", 0,
            "max_tokens", 24);

    @TempDir
    Path dir;

    Path a;
    Path b;
    @AutoClose
    ServeServer server;
    ServeClient client;

    @BeforeEach
    void start() throws Exception {
        a = VariedCheckpoints.write(dir.resolve("runs/a"), 21);
        b = VariedCheckpoints.writeVersion(dir.resolve("runs/b"), 22, 7);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0), a, null);
        client = new ServeClient(server.baseUrl());
    }

    @Test
    void aReloadChangesTheWeightsAndTheReportedModelPath() {
        Reply before = client.post("/v1/completions", GREEDY);

        Reply reload = client.post(RELOAD, json("model_path", b.toString()));

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.body().path("success").asBoolean()).isTrue();
        assertThat(reload.body().path("message").asText()).isEqualTo("Succeeded to update model weights.");
        Reply info = client.get("/get_model_info");
        assertThat(info.body().path("model_path").asText()).isEqualTo(b.toString());
        assertThat(info.body().path("weight_version").asText()).isEqualTo("7");
        Reply after = client.post("/v1/completions", GREEDY);
        assertThat(after.firstText()).isNotEqualTo(before.firstText());
        assertThat(after.body().path("system_fingerprint").asText()).isEqualTo("east-7");
        assertThat(server.meters().reloadCount()).isEqualTo(1);

        assertThat(client.post(RELOAD, json("model_path", a.toString(), "weight_version", "step-3")).status())
                .isEqualTo(200);
        assertThat(client.post("/v1/completions", GREEDY).firstText()).isEqualTo(before.firstText());
        assertThat(client.get("/get_weight_version").body().path("weight_version").asText()).isEqualTo("step-3");
    }

    @Test
    void aMissingCheckpointIsRefusedAndTheOldWeightsKeepServing() {
        String before = client.post("/v1/completions", GREEDY).firstText();

        Reply reload = client.post(RELOAD, json("model_path", dir.resolve("runs/nowhere").toString()));

        assertThat(reload.status()).isEqualTo(400);
        assertThat(reload.body().path("success").asBoolean()).isFalse();
        assertThat(reload.body().path("message").asText()).contains("nowhere");
        assertThat(client.get("/get_model_info").body().path("model_path").asText()).isEqualTo(a.toString());
        assertThat(client.post("/v1/completions", GREEDY).firstText()).isEqualTo(before);
        assertThat(server.meters().reloadFailureCount()).isEqualTo(1);
    }

    @Test
    void aCorruptCheckpointIsRefusedAndTheOldWeightsKeepServing() throws Exception {
        String before = client.post("/v1/completions", GREEDY).firstText();
        Path corrupt = TinyCheckpoints.write(dir.resolve("runs/corrupt"), 23);
        Files.write(corrupt.resolve("model.safetensors"), new byte[] {1, 2, 3});
        Path noConfig = TinyCheckpoints.write(dir.resolve("runs/no-config"), 24);
        Files.delete(noConfig.resolve("config.json"));

        for (Path broken : List.of(corrupt, noConfig)) {
            Reply reload = client.post(RELOAD, json("model_path", broken.toString()));
            assertThat(reload.status()).isEqualTo(400);
            assertThat(reload.body().path("success").asBoolean()).isFalse();
        }

        assertThat(client.get("/get_model_info").body().path("model_path").asText()).isEqualTo(a.toString());
        assertThat(client.post("/v1/completions", GREEDY).firstText()).isEqualTo(before);
    }

    @Test
    void aBadReloadRequestIsRefusedInSglangsShape() {
        for (String body : List.of("{}", json("model_path", 5), json("model_path", ""),
                json("model_path", b.toString(), "load_format", "gguf"), "{\"model_path\": ")) {
            Reply reload = client.post(RELOAD, body);
            assertThat(reload.status()).as(body).isEqualTo(400);
            assertThat(reload.body().path("success").asBoolean()).isFalse();
            assertThat(reload.body().path("message").asText()).isNotBlank();
        }
        assertThat(client.get("/get_model_info").body().path("model_path").asText()).isEqualTo(a.toString());
    }

    @Test
    void requestsDuringAReloadAreAllAnsweredEachByOneCheckpoint() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> client.post("/v1/completions",
                        json("prompt", "Question: 7 + 5?\nAnswer:", "temperature", 0, "n", 3, "max_tokens", 24)),
                        clients));
            }
            assertThat(client.post(RELOAD, json("model_path", b.toString())).status()).isEqualTo(200);
            for (CompletableFuture<Reply> future : replies) {
                Reply reply = future.get();
                assertThat(reply.status()).isEqualTo(200);
                List<String> texts = new ArrayList<>();
                reply.body().path("choices").forEach(choice -> texts.add(choice.path("text").asText()));
                assertThat(texts).as("greedy choices of one checkpoint agree").containsOnly(texts.get(0));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aReloadRootRefusesCheckpointsOutsideIt() throws Exception {
        server.close();
        Path outside = TinyCheckpoints.write(dir.resolve("elsewhere/c"), 25);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0)
                .withReloadRoot(CheckpointRoot.of(dir.resolve("runs"))), a, null);
        client = new ServeClient(server.baseUrl());

        Reply refused = client.post(RELOAD, json("model_path", outside.toString()));
        Reply escaped = client.post(RELOAD, json("model_path", dir.resolve("runs/../elsewhere/c").toString()));
        Reply inside = client.post(RELOAD, json("model_path", b.toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").asText()).contains("outside the checkpoint root");
        assertThat(escaped.status()).isEqualTo(400);
        assertThat(inside.status()).isEqualTo(200);
    }
}
