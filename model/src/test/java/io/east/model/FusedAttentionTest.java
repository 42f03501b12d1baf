package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.east.model.torch.LibTorchSetupRequired;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** libtorch's fused attention computes what the attention from DJL ops computes, forward and backward. */
@LibTorchSetupRequired
class FusedAttentionTest {

    @ParameterizedTest
    @ValueSource(strings = {"llama-untied-fp32", "llama-tied-fp16"})
    void leftPaddedLogitsMatchTransformers(String name) throws Exception {
        Path dir = Fixtures.checkpoint(name);
        try (LlamaModel model = Checkpoints.loadModel(dir); NDManager step = model.newSubManager()) {
            assertThat(model.fusedKernels()).isTrue();
            FixtureLogits expected = FixtureLogits.read(dir, step);
            float[] actual = Autograd.withoutGradients(() -> model.forward(expected.ids(), expected.positions(),
                    expected.mask(step), null).toFloatArray());
            assertThat(expected.relativeError(actual, expected.logits())).isLessThan(1e-4);
        }
    }

    @Test
    void trainingForwardAndGradientsMatchTheEagerAttention() {
        LlamaConfig config = LlamaConfig.small(100, 32, 2, 4, 2, 64, 64);
        try (LlamaModel fused = LlamaModel.random(config, 11); LlamaModel eager = fused.copy(false)) {
            assertThat(eager.fusedKernels()).isFalse();
            float[][] f = logitsAndGradient(fused);
            float[][] e = logitsAndGradient(eager);
            assertThat(maxRelative(f[0], e[0])).isLessThan(1e-5);
            assertThat(maxRelative(f[1], e[1])).isLessThan(1e-4);
        }
    }

    @Test
    void greedySamplingIsTheSameEitherWay() throws Exception {
        try (LlamaModel fused = Checkpoints.loadModel(Fixtures.checkpoint("llama-untied-fp32"));
             LlamaModel eager = fused.copy(false)) {
            TextTokenizer tokenizer = TestTokenizers.characterLevel();
            List<String> prompts = List.of("ab", "a much longer prompt");
            List<Completion> a = new Sampler(fused, tokenizer).generate(prompts, SamplerSettings.greedy(12));
            List<Completion> b = new Sampler(eager, tokenizer).generate(prompts, SamplerSettings.greedy(12));
            assertThat(a).extracting(Completion::text).isEqualTo(b.stream().map(Completion::text).toList());
        }
    }

    /** Logits [2, 9, V] of a right-padded batch and the gradient of the embedding under a fixed loss. */
    private static float[][] logitsAndGradient(LlamaModel model) {
        model.setTrainable(true);
        try (NDManager step = model.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Autograd.zeroGradients(model.parameters().values());
            long[] ids = new long[18];
            long[] positions = new long[18];
            for (int i = 0; i < 18; i++) {
                ids[i] = 3 + (i * 7) % 90;
                positions[i] = i % 9;
            }
            NDArray logits = model.forward(step.create(ids, new Shape(2, 9)), step.create(positions, new Shape(2, 9)),
                    null, null);
            collector.backward(logits.square().mean());
            NDArray embedding = model.parameters().get("model.embed_tokens.weight");
            return new float[][] {logits.toFloatArray(), embedding.getGradient().toFloatArray()};
        }
    }

    static double maxRelative(float[] actual, float[] expected) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return diff / scale;
    }
}
