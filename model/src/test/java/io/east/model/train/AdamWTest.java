package io.east.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.east.model.Autograd;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdamWTest {

    @TempDir
    Path dir;

    @Test
    void weightDecayReachesMatricesButNotNormsOrBiases() {
        LlamaConfig withBias = LlamaConfig.small(100, 16, 1, 2, 1, 32, 32).withTiedWordEmbeddings(false)
                .withAttentionBias(true);
        try (LlamaModel model = LlamaModel.random(withBias, 3)) {
            model.setTrainable(true);
            Map<String, float[]> before = snapshot(model.parameters());
            try (AdamW adamW = new AdamW(model.parameters(), AdamW.Settings.defaults().withWeightDecay(0.5), model.newSubManager())) {
                Autograd.zeroGradients(model.parameters().values());
                adamW.step(0.1);       // zero gradients: only the decay moves anything
            }
            Map<String, float[]> after = snapshot(model.parameters());
            for (String name : before.keySet()) {
                boolean rankOne = name.endsWith("norm.weight") || name.endsWith(".bias");
                float factor = rankOne ? 1f : 1f - 0.1f * 0.5f;
                float[] b = before.get(name);
                float[] a = after.get(name);
                for (int i = 0; i < b.length; i++) {
                    assertThat(a[i]).as(name).isCloseTo(b[i] * factor, within(1e-7f));
                }
            }
            assertThat(before).containsKeys("model.norm.weight", "model.layers.0.input_layernorm.weight",
                    "model.layers.0.self_attn.v_proj.bias", "lm_head.weight");
        }
    }

    @Test
    void globalNormClippingScalesEveryGradientByOneFactor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.zeros(new ai.djl.ndarray.types.Shape(2));
            NDArray b = manager.zeros(new ai.djl.ndarray.types.Shape(2, 2));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            parameters.put("a", a);
            parameters.put("b", b);
            try (NDManager step = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // d/da = (3, 4), d/db = (0, 0, 12, 0): global norm 13.
                NDArray loss = a.mul(step.create(new float[] {3, 4})).sum()
                        .add(b.mul(step.create(new float[] {0, 0, 12, 0}, new ai.djl.ndarray.types.Shape(2, 2))).sum());
                collector.backward(loss);
            }
            try (AdamW adamW = new AdamW(parameters, AdamW.Settings.defaults(), manager)) {
                double norm = adamW.clipGradients(1.0);
                assertThat(norm).isCloseTo(13.0, within(1e-5));
                double factor = 1.0 / (13.0 + 1e-6);
                assertThat(a.getGradient().toFloatArray()).containsExactly(new float[] {(float) (3 * factor), (float) (4 * factor)}, within(1e-6f));
                assertThat(b.getGradient().toFloatArray()).containsExactly(new float[] {0, 0, (float) (12 * factor), 0}, within(1e-6f));
                // Below the threshold nothing changes.
                assertThat(adamW.clipGradients(5.0)).isCloseTo(1.0, within(1e-5));
                assertThat(a.getGradient().toFloatArray()).containsExactly(new float[] {(float) (3 * factor), (float) (4 * factor)}, within(1e-6f));
            }
        }
    }

    @Test
    void oneUpdateMatchesTheAdamWFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, -2f, 0.5f, 3f}, new ai.djl.ndarray.types.Shape(2, 2));
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(w.square().sum().mul(0.5));   // gradient = w
            }
            try (AdamW adamW = new AdamW(Map.of("w", w), new AdamW.Settings(0.9, 0.999, 1e-8, 0.1, 0), manager)) {
                adamW.step(0.01);
            }
            // Step 1: m/(1-b1) = g, v/(1-b2) = g^2, so the update is lr * g / (|g| + eps) = lr * sign(g).
            float[] expected = {1f * (1 - 0.001f) - 0.01f, -2f * (1 - 0.001f) + 0.01f, 0.5f * (1 - 0.001f) - 0.01f, 3f * (1 - 0.001f) - 0.01f};
            assertThat(w.toFloatArray()).containsExactly(expected, within(1e-6f));
        }
    }

    @Test
    void learningRateWarmsUpLinearlyThenHoldsOrDecays() {
        LearningRateSchedule constant = LearningRateSchedule.constant(1e-3, 10);
        assertThat(constant.at(1)).isCloseTo(1e-4, within(1e-12));
        assertThat(constant.at(5)).isCloseTo(5e-4, within(1e-12));
        assertThat(constant.at(10)).isCloseTo(1e-3, within(1e-12));
        assertThat(constant.at(1_000_000)).isEqualTo(1e-3);

        LearningRateSchedule cosine = LearningRateSchedule.cosine(1e-3, 10, 110, 1e-5);
        assertThat(cosine.at(10)).isCloseTo(1e-3, within(1e-12));
        assertThat(cosine.at(60)).isCloseTo((1e-3 + 1e-5) / 2, within(1e-12));
        assertThat(cosine.at(110)).isCloseTo(1e-5, within(1e-12));
        assertThat(cosine.at(500)).isCloseTo(1e-5, within(1e-12));
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> parameters) {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> out.put(name, p.toFloatArray()));
        return out;
    }
}
