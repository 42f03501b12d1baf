package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses the transformers fixture (vocabulary 100, special ids 0/1/2) with the character tokenizer. */
class SamplerTest {

    private static final List<String> PROMPTS = List.of("Q: 2+3=?\nA:", "hi", "The answer is");

    static LlamaModel model;
    static TextTokenizer tokenizer;
    static Sampler sampler;

    @BeforeAll
    static void load() throws Exception {
        model = Checkpoints.loadModel(Fixtures.checkpoint("llama-untied-fp32"));
        tokenizer = Tokenizers.loadCharacterLevel();
        sampler = new Sampler(model, tokenizer);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        model.close();
    }

    @Test
    void greedyWithCacheEqualsGreedyWithout() {
        SamplerSettings greedy = SamplerSettings.greedy(24);
        List<Completion> cached = sampler.generate(PROMPTS, greedy);
        List<Completion> recomputed = sampler.generate(PROMPTS, greedy.withKvCache(false));
        assertThat(cached).extracting(Completion::text).isEqualTo(recomputed.stream().map(Completion::text).toList());
        assertThat(cached).extracting(Completion::tokenCount)
                .isEqualTo(recomputed.stream().map(Completion::tokenCount).toList());
        for (int i = 0; i < cached.size(); i++) {
            assertThat(cached.get(i).meanLogProb()).isCloseTo(recomputed.get(i).meanLogProb(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aPromptGivesTheSameGreedyTextAloneOrInABatch() {
        List<Completion> batched = sampler.generate(PROMPTS, SamplerSettings.greedy(16));
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertThat(sampler.generate(List.of(PROMPTS.get(i)), SamplerSettings.greedy(16)).get(0).text())
                    .isEqualTo(batched.get(i).text());
        }
    }

    @Test
    void seededSamplingIsReproducible() {
        SamplerSettings params = SamplerSettings.sampled(1.0, 1.0, 20, 42);
        List<Completion> first = sampler.generate(PROMPTS, params);
        List<Completion> again = sampler.generate(PROMPTS, params);
        assertThat(again).isEqualTo(first);
        List<Completion> other = sampler.generate(PROMPTS, params.withSeed(43));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void samplingDiffersAcrossRowsOfTheSamePrompt() {
        List<String> same = List.of("x", "x", "x", "x", "x", "x");
        Set<String> texts = new HashSet<>();
        sampler.generate(same, SamplerSettings.sampled(1.5, 1.0, 12, 7)).forEach(c -> texts.add(c.text()));
        assertThat(texts).hasSizeGreaterThan(1);
    }

    @Test
    void maxNewTokensIsHonoured() {
        for (Completion c : sampler.generate(PROMPTS, SamplerSettings.sampled(1.0, 1.0, 5, 1))) {
            assertThat(c.tokenCount()).isBetween(1, 5);
            if (c.finishReason() == Completion.FinishReason.LENGTH) {
                assertThat(c.tokenCount()).isEqualTo(5);
            }
        }
    }

    @Test
    void generationStopsAtAStopString() {
        Completion free = sampler.generate(List.of("Q:"), SamplerSettings.greedy(30)).get(0);
        assertThat(free.text()).hasSizeGreaterThan(6);
        String stop = free.text().substring(3, 5);
        int cut = free.text().indexOf(stop);

        Completion stopped = sampler.generate(List.of("Q:"), SamplerSettings.greedy(30).withStopStrings(List.of(stop))).get(0);
        assertThat(stopped.finishReason()).isEqualTo(Completion.FinishReason.STOP_STRING);
        assertThat(stopped.text()).isEqualTo(free.text().substring(0, cut));
        assertThat(stopped.tokenCount()).isEqualTo(cut + stop.length());   // one token per character
    }

    @Test
    void eachCompletionListsItsTokensWithTheirLogProbabilities() {
        for (Completion c : sampler.generate(PROMPTS, SamplerSettings.sampled(1.0, 1.0, 12, 5))) {
            double mean = c.tokens().stream().mapToDouble(Completion.Token::logProb).average().orElse(0);
            assertThat(mean).isCloseTo(c.meanLogProb(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.tokens()).allSatisfy(token -> assertThat(token.logProb()).isLessThanOrEqualTo(0f));
            if (c.finishReason() == Completion.FinishReason.LENGTH) {
                long[] ids = c.tokens().stream().mapToLong(Completion.Token::id).toArray();
                assertThat(tokenizer.decode(ids)).isEqualTo(c.text());
            }
        }
    }

    @Test
    void aTinyTopPSamplesTheArgmax() {
        List<Completion> greedy = sampler.generate(PROMPTS, SamplerSettings.greedy(15));
        List<Completion> nucleus = sampler.generate(PROMPTS, SamplerSettings.sampled(1.0, 1e-6, 15, 3));
        assertThat(nucleus).extracting(Completion::text).isEqualTo(greedy.stream().map(Completion::text).toList());
    }

    @Test
    void theNucleusIsTheSmallestPrefixReachingTopP() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray sorted = m.create(new float[] {0.5f, 0.3f, 0.15f, 0.05f, 0.6f, 0.25f, 0.1f, 0.05f}, new Shape(2, 4));
            assertThat(Sampler.Nucleus.keep(sorted, 0.7).toFloatArray()).containsExactly(1, 1, 0, 0, 1, 1, 0, 0);
            assertThat(Sampler.Nucleus.keep(sorted, 0.5).toFloatArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0);
            assertThat(Sampler.Nucleus.keep(sorted, 0.9).toFloatArray()).containsExactly(1, 1, 1, 0, 1, 1, 1, 0);
            assertThat(Sampler.Nucleus.keep(sorted, 1.0).toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void topPRestrictsWhatIsSampled() {
        // Over many seeds, a small nucleus yields fewer distinct first tokens than the full distribution.
        Set<String> full = new HashSet<>();
        Set<String> nucleus = new HashSet<>();
        List<String> prompts = List.of("a", "a", "a", "a", "a", "a", "a", "a");
        for (int seed = 0; seed < 5; seed++) {
            sampler.generate(prompts, SamplerSettings.sampled(2.0, 1.0, 1, seed)).forEach(c -> full.add(c.text()));
            sampler.generate(prompts, SamplerSettings.sampled(2.0, 0.3, 1, seed)).forEach(c -> nucleus.add(c.text()));
        }
        assertThat(nucleus.size()).isLessThan(full.size());
    }

    @Test
    void stepsDoNotLeakArrays() {
        int before = model.liveArrayCount();
        sampler.generate(PROMPTS, SamplerSettings.sampled(1.0, 0.9, 10, 5));
        sampler.generate(PROMPTS, SamplerSettings.greedy(10).withKvCache(false));
        assertThat(model.liveArrayCount()).isEqualTo(before);
    }
}
