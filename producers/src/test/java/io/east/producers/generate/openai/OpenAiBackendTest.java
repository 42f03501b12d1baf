package io.east.producers.generate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.openai.FakeOpenAiServer.Fault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiBackendTest {

    private static final SamplingParams PARAMS = new SamplingParams(0.7, 0.9, 64, List.of("\nQuestion:", "</s>"));
    /** Small backoffs: the recording sleeper does not wait, but the bounds are checked against these. */
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30));
    private static final String SECRET = "sk-test-SECRET-0123456789";

    @AutoClose
    private FakeOpenAiServer server;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void startServer() throws Exception {
        server = FakeOpenAiServer.start();
    }

    private OpenAiSettings.Builder settings() {
        return OpenAiSettings.builder(server.baseUrl(), "tiny-math").retry(FAST_RETRY)
                .requestTimeout(Duration.ofSeconds(10));
    }

    private OpenAiBackend backend(OpenAiSettings settings) {
        return new OpenAiBackend(settings, sleeper, () -> 0.5, Clock.systemUTC());
    }

    @Test
    void completionsGiveNResponsesWithMeanLogprobAndTokenCount() throws Exception {
        server.respond((prompt, i) -> "answer number " + i + " is \\boxed{" + i + "}");
        try (OpenAiBackend backend = backend(settings().policyVersion(7).build())) {
            List<Generation> generations = backend.sample("Question: 1+1?", 3, PARAMS);

            assertThat(generations).extracting(Generation::text).containsExactly(
                    "answer number 0 is \\boxed{0}", "answer number 1 is \\boxed{1}", "answer number 2 is \\boxed{2}");
            assertThat(generations).allSatisfy(g -> {
                assertThat(g.meanLogprob()).isEqualTo(FakeOpenAiServer.TOKEN_LOGPROB);
                assertThat(g.tokenCount()).isEqualTo(5);
                assertThat(g.policyVersion()).isEqualTo(7);
            });
            assertThat(backend.generatorId()).isEqualTo("openai:tiny-math");
        }
        FakeOpenAiServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/completions");
        assertThat(request.body().get("model").asText()).isEqualTo("tiny-math");
        assertThat(request.body().get("prompt").asText()).isEqualTo("Question: 1+1?");
        assertThat(request.body().get("n").asInt()).isEqualTo(3);
        assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(request.body().get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(request.body().get("max_tokens").asInt()).isEqualTo(64);
        assertThat(request.body().get("stop").toString()).isEqualTo("[\"\\nQuestion:\",\"</s>\"]");
        assertThat(request.body().get("logprobs").asInt()).isEqualTo(1);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void chatSendsThePromptAsTheUserMessageAndReadsContentLogprobs() throws Exception {
        server.respond((prompt, i) -> "two plus two is \\boxed{4}");
        try (OpenAiBackend backend = backend(settings().mode(ApiMode.CHAT).build())) {
            List<Generation> generations = backend.sample("What is 2+2?", 2, PARAMS);

            assertThat(generations).hasSize(2).allSatisfy(g -> {
                assertThat(g.text()).isEqualTo("two plus two is \\boxed{4}");
                assertThat(g.meanLogprob()).isEqualTo(FakeOpenAiServer.TOKEN_LOGPROB);
                assertThat(g.tokenCount()).isEqualTo(5);
            });
        }
        FakeOpenAiServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.body().get("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]");
        assertThat(request.body().get("logprobs").asBoolean()).isTrue();
        assertThat(request.body().has("prompt")).isFalse();
    }

    @Test
    void withoutLogprobsTheMeanIsNullAndTokensComeFromUsageOrAnEstimate() throws Exception {
        server.respond((prompt, i) -> "sixteen chars!!!");
        try (OpenAiBackend backend = backend(settings().logprobs(false).build())) {
            Generation single = backend.sample("q", 1, PARAMS).get(0);
            assertThat(single.meanLogprob()).isNull();
            assertThat(single.tokenCount()).as("usage.completion_tokens of a one-choice response").isEqualTo(2);

            List<Generation> several = backend.sample("q", 2, PARAMS);
            assertThat(several).allSatisfy(g -> assertThat(g.tokenCount()).as("16 characters / 4").isEqualTo(4));
        }
        assertThat(server.requests().get(0).body().has("logprobs")).isFalse();
    }

    @Test
    void asksAgainForTheRestWhenTheServerReturnsFewerChoices() throws Exception {
        server.capChoices(2);
        try (OpenAiBackend backend = backend(settings().build())) {
            assertThat(backend.sample("q", 5, PARAMS)).hasSize(5);
        }
        assertThat(server.requests()).extracting(r -> r.body().get("n").asInt()).containsExactly(5, 3, 1);
    }

    @Test
    void splitsLargeNWhenTold() throws Exception {
        try (OpenAiBackend backend = backend(settings().maxChoicesPerRequest(2).build())) {
            assertThat(backend.sample("q", 5, PARAMS)).hasSize(5);
        }
        assertThat(server.requests()).extracting(r -> r.body().get("n").asInt()).containsExactly(2, 2, 1);
    }

    @Test
    void retriesA429NoEarlierThanRetryAfter() throws Exception {
        server.enqueue(new Fault.Status(429, "3"));
        try (OpenAiBackend backend = backend(settings().build())) {
            assertThat(backend.sample("q", 1, PARAMS)).hasSize(1);
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffWithinBounds() throws Exception {
        server.enqueue(new Fault.Status(500, null), new Fault.Status(502, null), new Fault.Status(503, null));
        OpenAiBackend backend = new OpenAiBackend(settings().build(), sleeper, Math::random, Clock.systemUTC());
        try (backend) {
            assertThat(backend.sample("q", 1, PARAMS)).hasSize(1);
        }
        assertThat(server.requests()).hasSize(4);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(3);
        for (int retry = 0; retry < 3; retry++) {
            Duration ceiling = FAST_RETRY.backoffCeiling(retry);
            assertThat(waits.get(retry)).isBetween(ceiling.dividedBy(2), ceiling);
        }
        assertThat(FAST_RETRY.backoffCeiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(FAST_RETRY.backoffCeiling(2)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aServerSlowerThanTheTimeoutIsRetried() throws Exception {
        server.enqueue(new Fault.StallBeforeHeaders(Duration.ofSeconds(30)),
                new Fault.StallMidBody(Duration.ofSeconds(30)));
        long start = System.nanoTime();
        try (OpenAiBackend backend = backend(settings().requestTimeout(Duration.ofMillis(500)).build())) {
            assertThat(backend.sample("q", 2, PARAMS)).hasSize(2);
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("both stalls cut at the timeout")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void truncatedAndEmptyResponsesAreRetried() throws Exception {
        server.enqueue(new Fault.CutConnection(), new Fault.TruncatedJson(), new Fault.NoChoices());
        long start = System.nanoTime();
        try (OpenAiBackend backend = backend(settings().build())) {
            assertThat(backend.sample("q", 3, PARAMS)).hasSize(3);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("noticed at once, not at the 10 s timeout")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void givesUpAfterMaxRetriesNamingTheEndpointAndStatus() throws Exception {
        server.failPrompts(prompt -> true, new Fault.Status(503, null));
        try (OpenAiBackend backend = backend(settings().retry(FAST_RETRY.withMaxRetries(2)).build())) {
            assertThatThrownBy(() -> backend.sample("q", 1, PARAMS))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("POST " + server.baseUrl() + "/v1/completions")
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("HTTP 503");
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.enqueue(new Fault.Status(400, null));
        try (OpenAiBackend backend = backend(settings().build())) {
            assertThatThrownBy(() -> backend.sample("q", 1, PARAMS))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("HTTP 400")
                    .hasMessageContaining("scripted 400");
        }
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void theApiKeyIsSentAsABearerTokenAndNeverLogged() throws Exception {
        ApiKey key = ApiKey.fromEnvironment("EAST_TEST_KEY", Map.of("EAST_TEST_KEY", SECRET));
        OpenAiSettings settings = settings().apiKey(key).retry(FAST_RETRY.withMaxRetries(1)).build();
        server.enqueue(new Fault.Status(500, null));
        server.failPrompts("doomed"::equals, new Fault.Status(401, null));
        List<String> logs;
        String failure;
        try (CapturedLogs captured = new CapturedLogs(); OpenAiBackend backend = backend(settings)) {
            backend.sample("fine", 1, PARAMS);
            failure = catchMessage(() -> backend.sample("doomed", 1, PARAMS));
            logs = captured.rendered();
        }

        assertThat(server.requests()).extracting(r -> r.header("Authorization")).containsOnly("Bearer " + SECRET);
        assertThat(logs).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        assertThat(logs).anyMatch(line -> line.contains("$EAST_TEST_KEY, set"));
        assertThat(failure).contains("HTTP 401").doesNotContain(SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void batchRequestsRunInParallelUpToTheConcurrencyLimit() throws Exception {
        server.failPrompts(prompt -> true, new Fault.StallBeforeHeaders(Duration.ofMillis(300)));
        List<GenerationRequest> requests = IntStream.range(0, 6).mapToObj(i -> new GenerationRequest("q" + i, 1))
                .toList();
        try (OpenAiBackend backend = backend(settings().concurrency(2).build())) {
            List<GenerationOutcome> outcomes = backend.sampleAll(requests, PARAMS);
            assertThat(outcomes).hasSize(6).allMatch(GenerationOutcome.Generated.class::isInstance);
        }
        assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    }

    @Test
    void oneFailingTaskDoesNotFailTheBatch() throws Exception {
        server.failPrompts("bad"::equals, new Fault.Status(422, null));
        List<GenerationRequest> requests = List.of(new GenerationRequest("good", 2), new GenerationRequest("bad", 2),
                new GenerationRequest("also good", 1));
        try (OpenAiBackend backend = backend(settings().build())) {
            List<GenerationOutcome> outcomes = backend.sampleAll(requests, PARAMS);
            assertThat(outcomes.get(0)).isInstanceOfSatisfying(GenerationOutcome.Generated.class,
                    g -> assertThat(g.generations()).hasSize(2));
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(GenerationOutcome.Failed.class,
                    f -> assertThat(f.reason()).contains("HTTP 422"));
            assertThat(outcomes.get(2)).isInstanceOf(GenerationOutcome.Generated.class);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String catchMessage(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
