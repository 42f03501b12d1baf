package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
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
            FixtureLogits expected = FixtureLogits.read(dir, step);
            float[] actual = Autograd.withoutGradients(() -> model.forward(expected.ids(), expected.positions(),
                    expected.mask(step), null).toFloatArray());
            double relative = expected.relativeError(actual, expected.logits());
            LOG.info("{}: max |diff| over max |logit| = relative {}", name, relative);
            assertThat(relative).isLessThan(1e-4);
        }
    }
}
