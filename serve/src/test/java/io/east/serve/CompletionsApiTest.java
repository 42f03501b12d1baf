package io.east.serve;

import static io.east.serve.ServeClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.producers.testing.TinyCheckpoints;
import io.east.serve.ServeClient.Raw;
import io.east.serve.ServeClient.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampling routes and the info routes, over HTTP against a tiny random checkpoint. */
class CompletionsApiTest {

    private static final String PROMPT = "Question: what is 2 + 3?\nAnswer:";

    @TempDir
    static Path dir;

    @AutoClose
    static ServeServer server;
    static ServeClient client;
    static Path checkpoint;

    @BeforeAll
    static void start() throws Exception {
        checkpoint = VariedCheckpoints.write(dir.resolve("tiny"), 11);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0), checkpoint, null);
        client = new ServeClient(server.baseUrl());
    }

    @Test
    void completionsAnswerWithNChoicesInOpenAisShape() {
        Reply reply = client.post("/v1/completions", json("model", "tiny", "prompt", PROMPT, "n", 3,
                "temperature", 1.0, "max_tokens", 12, "seed", 5));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("id").asText()).startsWith("cmpl-");
        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.path("model").asText()).isEqualTo("tiny");
        assertThat(body.path("created").asLong()).isPositive();
        assertThat(body.path("choices")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode choice = body.path("choices").get(i);
            assertThat(choice.path("index").asInt()).isEqualTo(i);
            assertThat(choice.path("text").isTextual()).isTrue();
            assertThat(choice.path("finish_reason").asText()).isIn("stop", "length");
            assertThat(choice.path("logprobs").isNull()).isTrue();
        }
    }

    @Test
    void chatCompletionsAnswerWithAnAssistantMessagePerChoice() {
        Reply reply = client.post("/v1/chat/completions", json("model", "tiny", "n", 2, "max_tokens", 10,
                "messages", List.of(java.util.Map.of("role", "user", "content", PROMPT))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("id").asText()).startsWith("chatcmpl-");
        assertThat(reply.body().path("object").asText()).isEqualTo("chat.completion");
        assertThat(reply.body().path("choices")).hasSize(2).allSatisfy(choice -> {
            assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(choice.path("message").path("content").isTextual()).isTrue();
        });
    }

    @Test
    void aChatOfOneUserMessageContinuesTheSamePromptAsCompletions() {
        String completion = client.post("/v1/completions", json("prompt", PROMPT, "temperature", 0, "max_tokens", 15))
                .firstText();
        String chat = client.post("/v1/chat/completions", json("temperature", 0, "max_tokens", 15,
                "messages", List.of(java.util.Map.of("role", "user", "content", PROMPT)))).firstText();

        assertThat(chat).isEqualTo(completion);
    }

    @Test
    void greedyOutputIsDeterministic() {
        String request = json("prompt", PROMPT, "n", 3, "temperature", 0, "max_tokens", 20);
        Reply first = client.post("/v1/completions", request);
        Reply again = client.post("/v1/completions", request);

        List<String> texts = texts(first);
        assertThat(texts).hasSize(3).containsOnly(texts.get(0));
        assertThat(texts(again)).isEqualTo(texts);
    }

    @Test
    void aSeededRequestRepeatsItsSamples() {
        String request = json("prompt", PROMPT, "n", 4, "temperature", 1.2, "max_tokens", 20, "seed", 99);
        assertThat(texts(client.post("/v1/completions", request)))
                .isEqualTo(texts(client.post("/v1/completions", request)));
    }

    @Test
    void stopStringsCutTheText() {
        String free = client.post("/v1/completions", json("prompt", PROMPT, "temperature", 0, "max_tokens", 40))
                .firstText();
        assertThat(free).as("the tiny model's greedy continuation").hasSizeGreaterThan(6);
        String stop = free.substring(3, 5);

        Reply cut = client.post("/v1/completions", json("prompt", PROMPT, "temperature", 0, "max_tokens", 40,
                "stop", stop));
        Reply listed = client.post("/v1/completions", json("prompt", PROMPT, "temperature", 0, "max_tokens", 40,
                "stop", List.of("never appears \u0001", stop)));

        assertThat(cut.firstText()).isEqualTo(free.substring(0, free.indexOf(stop)));
        assertThat(cut.body().path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(listed.firstText()).isEqualTo(cut.firstText());
    }

    @Test
    void maxTokensEndsAChoiceWithFinishReasonLength() {
        Reply reply = client.post("/v1/completions", json("prompt", PROMPT, "n", 4, "max_tokens", 3,
                "logprobs", 0));
        for (JsonNode choice : reply.body().path("choices")) {
            int tokens = choice.path("logprobs").path("token_logprobs").size();
            assertThat(tokens).isBetween(1, 3);
            if (choice.path("finish_reason").asText().equals("length")) {
                assertThat(tokens).isEqualTo(3);
            }
        }
    }

    @Test
    void usageAddsUpOverPromptsAndChoices() {
        Reply reply = client.post("/v1/completions", json("prompt", List.of("ab", "abcd"), "n", 2,
                "max_tokens", 8, "logprobs", 1));

        JsonNode usage = reply.body().path("usage");
        int completion = 0;
        for (JsonNode choice : reply.body().path("choices")) {
            completion += choice.path("logprobs").path("token_logprobs").size();
        }
        // The character tokenizer: one token per character, plus the begin-of-sequence token.
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(3 + 5);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(completion);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(8 + completion);
    }

    @Test
    void choicesOfSeveralPromptsComeInPromptOrder() {
        Reply reply = client.post("/v1/completions", json("prompt", List.of("ab", PROMPT), "n", 2,
                "temperature", 0, "max_tokens", 10));
        String second = client.post("/v1/completions", json("prompt", PROMPT, "temperature", 0, "max_tokens", 10))
                .firstText();

        assertThat(texts(reply)).hasSize(4).endsWith(second, second);
    }

    @Test
    void completionLogprobsListEachSampledToken() {
        Reply reply = client.post("/v1/completions", json("prompt", PROMPT, "max_tokens", 10, "temperature", 0,
                "logprobs", 1));

        JsonNode choice = reply.body().path("choices").get(0);
        JsonNode logprobs = choice.path("logprobs");
        int count = logprobs.path("tokens").size();
        assertThat(count).isPositive();
        assertThat(logprobs.path("token_logprobs")).hasSize(count)
                .allSatisfy(value -> assertThat(value.asDouble()).isNegative());
        assertThat(logprobs.path("text_offset")).hasSize(count);
        assertThat(logprobs.path("top_logprobs").isNull()).isTrue();
        StringBuilder spelled = new StringBuilder();
        logprobs.path("tokens").forEach(token -> spelled.append(token.asText()));
        assertThat(spelled.toString()).startsWith(choice.path("text").asText());
        assertThat(reply.body().path("usage").path("completion_tokens").asInt()).isEqualTo(count);
    }

    @Test
    void chatLogprobsListEachSampledToken() {
        Reply reply = client.post("/v1/chat/completions", json("max_tokens", 6, "logprobs", true,
                "messages", new Raw("[{\"role\": \"user\", \"content\": \"hello\"}]")));

        JsonNode content = reply.body().path("choices").get(0).path("logprobs").path("content");
        assertThat(content.size()).isEqualTo(reply.body().path("usage").path("completion_tokens").asInt());
        assertThat(content).allSatisfy(entry -> {
            assertThat(entry.path("token").isTextual()).isTrue();
            assertThat(entry.path("logprob").asDouble()).isNegative();
            assertThat(entry.path("bytes").isArray()).isTrue();
            assertThat(entry.path("top_logprobs").isArray()).isTrue();
        });
    }

    @Test
    void theServedModelIsListedAndDescribed() {
        Reply models = client.get("/v1/models");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.body().path("object").asText()).isEqualTo("list");
        assertThat(models.body().path("data").get(0).path("id").asText()).isEqualTo("tiny");
        assertThat(models.body().path("data").get(0).path("max_model_len").asInt())
                .isEqualTo(TinyCheckpoints.CONFIG.maxPositionEmbeddings());

        Reply info = client.get("/get_model_info");
        assertThat(info.body().path("model_path").asText()).isEqualTo(checkpoint.toString());
        assertThat(info.body().path("tokenizer_path").asText()).isEqualTo(checkpoint.toString());
        assertThat(info.body().path("is_generation").asBoolean()).isTrue();
        assertThat(client.get("/get_weight_version").body().path("weight_version").asText()).isEqualTo("0");
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    @Test
    void theModelMayBeNamedByItsPathOrLeftOut() {
        assertThat(client.post("/v1/completions", json("model", checkpoint.toString(), "prompt", "a",
                "max_tokens", 2)).status()).isEqualTo(200);
        assertThat(client.post("/v1/completions", json("prompt", "a", "max_tokens", 2)).status()).isEqualTo(200);
    }

    private static List<String> texts(Reply reply) {
        List<String> texts = new ArrayList<>();
        reply.body().path("choices").forEach(choice -> texts.add(choice.path("text").asText()));
        return texts;
    }
}
