package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.east.model.torch.LibTorchSetupRequired;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** bf16 weights and compute against what transformers computes with the same checkpoint loaded in bfloat16. */
@LibTorchSetupRequired
class Bf16Test {

    private static final Logger LOG = LoggerFactory.getLogger(Bf16Test.class);
    /**
     * bf16 keeps 8 significant bits; two implementations that round at different points differ by a few units of
     * the last place of the largest logits.
     */
    static final double BF16_TOLERANCE = 2e-2;

    @Test
    void bf16LogitsMatchTransformersInBf16() throws Exception {
        Path dir = Fixtures.checkpoint("llama-untied-bf16");
        try (LlamaModel model = Checkpoints.loadModel(dir, Precision.BF16, Precision.BF16);
             NDManager step = model.newSubManager()) {
            assertThat(model.parameters().values()).allMatch(p -> p.getDataType() == DataType.BFLOAT16);
            FixtureLogits expected = FixtureLogits.read(dir, step);
            float[] actual = Autograd.withoutGradients(() -> model.forward(expected.ids(), expected.positions(),
                    expected.mask(step), null).toType(DataType.FLOAT32, false).toFloatArray());
            double againstBf16 = expected.relativeError(actual, expected.all().get("logits_bf16").toFloatArray());
            double againstFp32 = expected.relativeError(actual, expected.logits());
            double transformersBf16AgainstFp32 = expected.relativeError(
                    expected.all().get("logits_bf16").toFloatArray(), expected.logits());
            LOG.info("bf16 logits: relative error {} against transformers bf16, {} against fp32 (transformers bf16 "
                    + "against fp32: {})", againstBf16, againstFp32, transformersBf16AgainstFp32);
            assertThat(againstBf16).isLessThan(BF16_TOLERANCE);
            assertThat(againstFp32).isLessThan(BF16_TOLERANCE);
        }
    }

    @Test
    void mixedPrecisionKeepsFp32WeightsAndComputesCloseToFp32() throws Exception {
        Path dir = Fixtures.checkpoint("llama-untied-fp32");
        try (LlamaModel mixed = Checkpoints.loadModel(dir, Precision.FP32, Precision.BF16);
             NDManager step = mixed.newSubManager()) {
            assertThat(mixed.weightPrecision()).isEqualTo(Precision.FP32);
            FixtureLogits expected = FixtureLogits.read(dir, step);
            float[] actual = Autograd.withoutGradients(() -> mixed.forward(expected.ids(), expected.positions(),
                    expected.mask(step), null).toType(DataType.FLOAT32, false).toFloatArray());
            assertThat(expected.relativeError(actual, expected.logits())).isLessThan(BF16_TOLERANCE);
        }
    }

    @Test
    void samplingInBf16UsesABf16CacheAndStopsAtTheBudget() throws Exception {
        Path dir = Fixtures.checkpoint("llama-untied-bf16");
        try (LlamaModel model = Checkpoints.loadModel(dir, Precision.BF16, Precision.BF16)) {
            List<Completion> out = new Sampler(model, TestTokenizers.characterLevel()).generate(List.of("ab", "a longer prompt"),
                    SamplerSettings.sampled(1.0, 0.95, 10, 7).withKvCache(true));
            assertThat(out).hasSize(2).allMatch(c -> c.tokenCount() > 0 && c.tokenCount() <= 10)
                    .allMatch(c -> Double.isFinite(c.meanLogProb()));
        }
    }
}
