package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.east.model.train.TokenizedBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The weighted losses, differentiated through a small real model. */
class LossesTest {

    private static final List<String> PROMPTS = List.of("Q: 1+1\n", "Q: 2+5\n");
    private static final List<String> CHOSEN = List.of("#### 2", "2+5=7\n#### 7");
    private static final List<String> REJECTED = List.of("#### 3", "#### 8");

    static LlamaModel model;
    static TextTokenizer tokenizer;

    @BeforeAll
    static void setUp() throws Exception {
        model = LlamaModel.random(LlamaConfig.small(100, 32, 2, 4, 2, 64, 64), 5);
        model.setTrainable(true);
        tokenizer = Tokenizers.loadCharacterLevel();
    }

    @AfterAll
    static void tearDown() {
        tokenizer.close();
        model.close();
    }

    @Test
    void sftGradientScalesWithTheWeight() {
        Map<String, float[]> unweighted = gradients(this::sft, 1f, 1f);
        Map<String, float[]> weighted = gradients(this::sft, 0.37f, 0.37f);
        assertScaled(weighted, unweighted, 0.37);
    }

    @Test
    void dpoGradientScalesWithTheWeight() {
        Map<String, float[]> unweighted = gradients(this::dpo, 1f, 1f);
        Map<String, float[]> weighted = gradients(this::dpo, 2.5f, 2.5f);
        assertScaled(weighted, unweighted, 2.5);
    }

    /**
     * A constant an op keeps for backward must outlive the backward pass: here the buffers freed between forward and
     * backward are taken over by new ones, as happens whenever the JVM collects during a training step.
     */
    @Test
    void gradientsDoNotChangeWhenFreedBuffersAreReusedBeforeBackward() {
        for (BiFunction<NDManager, NDArray, NDArray> loss : List.<BiFunction<NDManager, NDArray, NDArray>>of(
                this::sft, this::dpo, this::kto)) {
            Map<String, float[]> quiet = gradients(loss, 1f, 2f);
            Map<String, float[]> reused = gradients((step, w) -> {
                NDArray value = loss.apply(step, w);
                reuseFreedBuffers();
                return value;
            }, 1f, 2f);
            assertScaled(reused, quiet, 1.0);
        }
    }

    @Test
    void zeroWeightsGiveZeroGradientAndAZeroWeightDropsItsExample() {
        gradients(this::sft, 0f, 0f).values().forEach(g -> assertThat(g).containsOnly(0f));
        gradients(this::dpo, 0f, 0f).values().forEach(g -> assertThat(g).containsOnly(0f));
        // Weights (0, 2): half of (2 * gradient of example 2) = gradient of example 2 alone.
        Map<String, float[]> second = gradients((step, w) -> sftOf(step, w, PROMPTS.subList(1, 2), CHOSEN.subList(1, 2)), 1f);
        assertScaled(gradients(this::sft, 0f, 2f), second, 1.0);
    }

    @Test
    void dpoLossIsLn2WhenPolicyEqualsReference() {
        try (NDManager step = model.newSubManager()) {
            NDArray logProbs = Autograd.withoutGradients(() -> sequenceLogProbs(step, PROMPTS, CHOSEN));
            NDArray rejected = Autograd.withoutGradients(() -> sequenceLogProbs(step, PROMPTS, REJECTED));
            float[] loss = Losses.dpo(logProbs, rejected, logProbs, rejected, 0.1).toFloatArray();
            assertThat(loss).hasSize(2);
            for (float l : loss) {
                assertThat((double) l).isCloseTo(Math.log(2), within(1e-6));
            }
        }
    }

    @Test
    void ktoAtTheReferenceIsOneHalfAndItsPointIsClampedAtZero() {
        try (NDManager step = model.newSubManager()) {
            NDArray chosen = step.create(new float[] {-5f, -7f});
            NDArray rejected = step.create(new float[] {-6f, -4f});
            NDArray point = Losses.ktoReferencePoint(chosen, chosen);
            assertThat(point.getFloat()).isZero();
            assertThat(Losses.kto(chosen, rejected, chosen, rejected, point, 0.1, 1, 1).toFloatArray()).containsOnly(0.5f);
            // Policy below the reference everywhere: the KL estimate would be negative, so z0 = 0.
            assertThat(Losses.ktoReferencePoint(chosen.sub(1), chosen).getFloat()).isZero();
            assertThat(Losses.ktoReferencePoint(chosen.add(2), chosen).getFloat()).isEqualTo(2f);
            // A policy that prefers the chosen response more than the reference does has a lower loss.
            float better = Losses.kto(chosen.add(1), rejected.sub(1), chosen, rejected, point, 0.1, 1, 1).mean().getFloat();
            assertThat(better).isLessThan(0.5f);
        }
    }

    @Test
    void softplusIsStableForLargeInputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] values = Losses.softplus(m.create(new float[] {-100f, 0f, 100f})).toFloatArray();
            assertThat(values[0]).isCloseTo(0f, within(1e-6f));
            assertThat((double) values[1]).isCloseTo(Math.log(2), within(1e-6));
            assertThat(values[2]).isCloseTo(100f, within(1e-4f));
        }
    }

    @Test
    void softplusHasSlopeOneHalfAtZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0f});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Losses.softplus(x).sum());
            }
            assertThat(x.getGradient().getFloat()).isEqualTo(0.5f);
        }
    }

    /** Collects what is unreachable and allocates small buffers, which take over the memory just freed. */
    private static void reuseFreedBuffers() {
        try (NDManager scratch = NDManager.newBaseManager()) {
            for (int round = 0; round < 5; round++) {
                System.gc();
                for (int i = 0; i < 2_000; i++) {
                    scratch.create(7.5f);
                }
            }
        }
    }

    private NDArray sft(NDManager step, NDArray weights) {
        return sftOf(step, weights, PROMPTS, CHOSEN);
    }

    private NDArray sftOf(NDManager step, NDArray weights, List<String> prompts, List<String> responses) {
        TokenizedBatch batch = TokenizedBatch.of(tokenizer, prompts, responses, 2, 0, 64);
        NDArray ids = batch.inputIds(step);
        NDArray logits = model.forward(ids, batch.positionIds(step), AttentionMask.causal(step, batch.size(), batch.width(), 0), null);
        return Losses.weightedMean(Losses.sft(Losses.tokenLogProbs(logits, ids), batch.responseMask(step)), weights);
    }

    /** DPO against a reference that differs from the policy (a detached, shifted copy of its log-probs). */
    private NDArray dpo(NDManager step, NDArray weights) {
        NDArray chosen = sequenceLogProbs(step, PROMPTS, CHOSEN);
        NDArray rejected = sequenceLogProbs(step, PROMPTS, REJECTED);
        NDArray referenceChosen = chosen.stopGradient().add(0.5);
        NDArray referenceRejected = rejected.stopGradient().sub(0.3);
        return Losses.weightedMean(Losses.dpo(chosen, rejected, referenceChosen, referenceRejected, 0.5), weights);
    }

    /** KTO against a shifted, detached reference, with its reference point from mismatched pairs. */
    private NDArray kto(NDManager step, NDArray weights) {
        NDArray chosen = sequenceLogProbs(step, PROMPTS, CHOSEN);
        NDArray rejected = sequenceLogProbs(step, PROMPTS, REJECTED);
        NDArray point = Losses.ktoReferencePoint(chosen.add(0.2), chosen.stopGradient());
        return Losses.weightedMean(Losses.kto(chosen, rejected, chosen.stopGradient().add(0.5),
                rejected.stopGradient().sub(0.3), point, 0.5, 1.0, 1.33), weights);
    }

    private NDArray sequenceLogProbs(NDManager step, List<String> prompts, List<String> responses) {
        TokenizedBatch batch = TokenizedBatch.of(tokenizer, prompts, responses, 2, 0, 64);
        NDArray ids = batch.inputIds(step);
        NDArray logits = model.forward(ids, batch.positionIds(step), AttentionMask.causal(step, batch.size(), batch.width(), 0), null);
        return Losses.sequenceLogProbs(Losses.tokenLogProbs(logits, ids), batch.responseMask(step));
    }

    private Map<String, float[]> gradients(BiFunction<NDManager, NDArray, NDArray> loss, float... weights) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager step = model.newSubManager()) {
            Autograd.zeroGradients(model.parameters().values());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss.apply(step, step.create(weights)));
            }
            model.parameters().forEach((name, p) -> {
                NDArray g = p.getGradient();
                g.attach(step);
                out.put(name, g.toFloatArray());
            });
        }
        return out;
    }

    private static void assertScaled(Map<String, float[]> actual, Map<String, float[]> base, double factor) {
        double worst = 0;
        double scale = 0;
        for (String name : base.keySet()) {
            float[] a = actual.get(name);
            float[] b = base.get(name);
            for (int i = 0; i < b.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - factor * b[i]));
                scale = Math.max(scale, Math.abs(factor * b[i]));
            }
        }
        assertThat(scale).isGreaterThan(0);
        assertThat(worst / scale).isLessThan(1e-5);
    }
}
