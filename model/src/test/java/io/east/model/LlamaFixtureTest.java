package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java forward pass against the logits transformers computed for the same checkpoint and input
 * (row 1 left-padded, positions from the attention mask, as in batched generation).
 */
class LlamaFixtureTest {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaFixtureTest.class);

    @ParameterizedTest
    @ValueSource(strings = {"llama-untied-fp32", "llama-untied-bf16", "llama-tied-fp16"})
    void logitsMatchTransformers(String name) throws Exception {
        Path dir = Fixtures.checkpoint(name);
        try (LlamaModel model = Checkpoints.loadModel(dir); NDManager step = model.newSubManager()) {
            Map<String, NDArray> expected = SafeTensors.read(dir.resolve("expected.safetensors"), step);
            NDArray ids = expected.get("input_ids");
            long[] mask = expected.get("attention_mask").toLongArray();
            int batch = (int) ids.getShape().get(0);
            int time = (int) ids.getShape().get(1);
            boolean[][] valid = new boolean[batch][time];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < time; t++) {
                    valid[b][t] = mask[b * time + t] == 1;
                }
            }
            float[] actual = Autograd.withoutGradients(() -> model.forward(ids, expected.get("position_ids"),
                    AttentionMask.causal(step, batch, time, 0, valid), null).toFloatArray());
            float[] reference = expected.get("logits").toFloatArray();

            int vocab = model.config().vocabSize();
            double maxAbs = 0;
            double maxDiff = 0;
            for (int i = 0; i < reference.length; i++) {
                if (mask[i / vocab] == 0) {
                    continue;   // padding positions are not compared: neither side defines them
                }
                maxAbs = Math.max(maxAbs, Math.abs(reference[i]));
                maxDiff = Math.max(maxDiff, Math.abs(actual[i] - reference[i]));
            }
            double relative = maxDiff / maxAbs;
            LOG.info("{}: max |diff| {} over max |logit| {} = relative {}", name, maxDiff, maxAbs, relative);
            assertThat(relative).isLessThan(1e-4);
        }
    }
}
