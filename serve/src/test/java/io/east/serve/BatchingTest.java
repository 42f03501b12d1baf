package io.east.serve;

import static io.east.serve.ServeClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.testing.TinyCheckpoints;
import io.east.serve.ServeClient.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent requests share Sampler calls when their parameters agree, and every one is answered. */
class BatchingTest {

    private static final int MAX_BATCH_ROWS = 8;

    @TempDir
    static Path dir;

    static ServeServer server;
    static ServeClient client;
    static ExecutorService clients = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void start() throws Exception {
        Path checkpoint = TinyCheckpoints.write(dir.resolve("tiny"), 5);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0)
                .withMaxBatchRows(MAX_BATCH_ROWS), checkpoint, null);
        client = new ServeClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
        clients.shutdownNow();
    }

    @Test
    void requestsArrivingTogetherAreSampledInOneCall() throws Exception {
        long calls = server.meters().batchRows().count();
        double rows = server.meters().batchRows().totalAmount();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        long submitted = server.meters().submittedCount();
        try (AutoCloseable held = server.loop().holdBatches()) {
            for (int n = 1; n <= 3; n++) {
                replies.add(send(json("prompt", "q" + n, "n", n, "max_tokens", 4, "temperature", 0.7)));
            }
            awaitSubmitted(submitted + 3);
        }

        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i).get();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("choices")).hasSize(i + 1);
        }
        assertThat(server.meters().batchRows().count()).isEqualTo(calls + 1);
        assertThat(server.meters().batchRows().totalAmount()).isEqualTo(rows + 1 + 2 + 3);
    }

    @Test
    void requestsWithOtherParametersGetCallsOfTheirOwn() throws Exception {
        long calls = server.meters().batchRows().count();
        long submitted = server.meters().submittedCount();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try (AutoCloseable held = server.loop().holdBatches()) {
            replies.add(send(json("prompt", "a", "n", 2, "max_tokens", 4, "temperature", 0)));
            replies.add(send(json("prompt", "b", "n", 2, "max_tokens", 4, "temperature", 0.9)));
            replies.add(send(json("prompt", "c", "n", 2, "max_tokens", 4, "temperature", 0)));
            replies.add(send(json("prompt", "d", "n", 2, "max_tokens", 4, "temperature", 0.9, "seed", 1)));
            awaitSubmitted(submitted + 4);
        }

        for (CompletableFuture<Reply> reply : replies) {
            assertThat(reply.get().body().path("choices")).hasSize(2);
        }
        // Greedy a and c together; b alone; d alone, since it brings its own seed.
        assertThat(server.meters().batchRows().count()).isEqualTo(calls + 3);
    }

    @Test
    void aRequestLargerThanACallSpansSeveralCalls() {
        long calls = server.meters().batchRows().count();
        Reply reply = client.post("/v1/completions", json("prompt", "abc", "n", 2 * MAX_BATCH_ROWS + 3,
                "max_tokens", 3, "temperature", 0));

        assertThat(reply.body().path("choices")).hasSize(2 * MAX_BATCH_ROWS + 3);
        assertThat(server.meters().batchRows().count()).isEqualTo(calls + 3);
    }

    @Test
    void manyConcurrentClientsAreAllAnswered() throws Exception {
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            replies.add(send(json("prompt", "question " + i, "n", 1 + i % 4, "max_tokens", 6)));
        }
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i).get();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("choices")).hasSize(1 + i % 4);
        }
    }

    private static CompletableFuture<Reply> send(String body) {
        return CompletableFuture.supplyAsync(() -> client.post("/v1/completions", body), clients);
    }

    /** Until the sampling thread has been handed {@code total} requests since the server started. */
    private static void awaitSubmitted(long total) {
        await().atMost(Duration.ofSeconds(30)).until(() -> server.meters().submittedCount() >= total);
    }
}
