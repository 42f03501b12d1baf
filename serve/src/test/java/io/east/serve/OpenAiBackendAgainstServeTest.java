package io.east.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.model.Precision;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.generate.openai.ApiMode;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's own OpenAI-compatible backend reads what east serve answers, in both API modes, and greedy samples
 * served over HTTP equal those the DJL backend makes in-process from the same checkpoint.
 */
class OpenAiBackendAgainstServeTest {

    private static final List<String> PROMPTS = List.of("Question: 3 + 4?\nAnswer:", "Question: 10 - 2?\nAnswer:");
    private static final SamplingParams GREEDY = new SamplingParams(0, 1, 20, List.of("\nQuestion:"));

    @TempDir
    static Path dir;

    static Path checkpoint;
    @AutoClose
    static ServeServer server;

    @BeforeAll
    static void start() throws Exception {
        checkpoint = VariedCheckpoints.write(dir.resolve("tiny"), 31);
        server = ServeServer.start(ServeSettings.defaults("tiny").withAddress("127.0.0.1", 0), checkpoint, null);
    }

    @Test
    void completionsModeGetsNSamplesWithTokenCountsAndLogprobs() throws Exception {
        SamplingParams sampled = new SamplingParams(0.8, 0.95, 20, SamplingParams.DEFAULT_STOP);
        try (OpenAiBackend backend = backend(ApiMode.COMPLETIONS)) {
            List<GenerationOutcome> outcomes = backend.sampleAll(
                    PROMPTS.stream().map(prompt -> new GenerationRequest(prompt, 4)).toList(), sampled);

            assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
                List<Generation> generations = ((GenerationOutcome.Generated) outcome).generations();
                assertThat(generations).hasSize(4).allSatisfy(g -> {
                    assertThat(g.tokenCount()).isBetween(1, 20);
                    assertThat(g.meanLogprob()).isNotNull().isNegative();
                });
            });
        }
    }

    @Test
    void servedGreedySamplesEqualTheInProcessBackendsInBothModes() throws Exception {
        List<Generation> local;
        try (DjlBackend djl = DjlBackend.fixed(DjlSettings.defaults(), LoadedPolicy.load(checkpoint, 0,
                Precision.FP32))) {
            local = djl.sampleAll(List.of(new GenerationRequest(PROMPTS.get(0), 2)), GREEDY).stream()
                    .flatMap(outcome -> ((GenerationOutcome.Generated) outcome).generations().stream()).toList();
        }
        for (ApiMode mode : ApiMode.values()) {
            try (OpenAiBackend backend = backend(mode)) {
                List<Generation> served = backend.sample(PROMPTS.get(0), 2, GREEDY);

                assertThat(served).extracting(Generation::text).as(mode.name())
                        .isEqualTo(local.stream().map(Generation::text).toList());
                assertThat(served).extracting(Generation::tokenCount)
                        .isEqualTo(local.stream().map(Generation::tokenCount).toList());
                for (int i = 0; i < served.size(); i++) {
                    assertThat(served.get(i).meanLogprob()).isCloseTo(local.get(i).meanLogprob(), Offset.offset(1e-5));
                }
            }
        }
    }

    private static OpenAiBackend backend(ApiMode mode) {
        return new OpenAiBackend(OpenAiSettings.builder(server.baseUrl() + "/v1", "tiny").mode(mode).build());
    }
}
