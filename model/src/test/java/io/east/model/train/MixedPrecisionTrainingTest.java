package io.east.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.Precision;
import io.east.model.TestTokenizers;
import io.east.model.TextTokenizer;
import io.east.model.torch.LibTorchSetupRequired;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** bf16 mixed-precision training and the fused AdamW, against fp32 training and the per-parameter AdamW. */
@LibTorchSetupRequired
class MixedPrecisionTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(MixedPrecisionTrainingTest.class);
    private static final LlamaConfig SMALL = LlamaConfig.small(100, 64, 2, 4, 2, 128, 128);
    private static final int STEPS = 40;
    /** How far a bf16 run's loss may stray from the fp32 run's, relative, at any of the {@value #STEPS} steps. */
    static final double LOSS_TOLERANCE = 0.03;

    @TempDir
    static Path dir;

    private static final TextTokenizer tokenizer = TestTokenizers.characterLevel();

    @Test
    void bf16TrainingTracksFp32() {
        List<Double> fp32 = losses(Precision.FP32);
        List<Double> bf16 = losses(Precision.BF16);
        double worst = 0;
        for (int i = 0; i < STEPS; i++) {
            worst = Math.max(worst, Math.abs(bf16.get(i) - fp32.get(i)) / fp32.get(i));
        }
        LOG.info("loss fp32 {} -> {}, bf16 {} -> {}; largest relative gap over {} steps {}", fp32.get(0),
                fp32.get(STEPS - 1), bf16.get(0), bf16.get(STEPS - 1), STEPS, worst);
        assertThat(worst).isLessThan(LOSS_TOLERANCE);
        assertThat(bf16.get(STEPS - 1)).isLessThan(bf16.get(0) * 0.7);
    }

    @Test
    void theFusedAdamWUpdatesAsThePerParameterOne() {
        AdamW.Settings settings = AdamW.Settings.defaults().withWeightDecay(0.1).withMaxGradNorm(0.5);
        try (LlamaModel a = LlamaModel.random(SMALL, 5); LlamaModel b = LlamaModel.random(SMALL, 5)) {
            for (int i = 0; i < 5; i++) {
                double na = step(a, settings, true, i);
                double nb = step(b, settings, false, i);
                assertThat(na).isCloseTo(nb, org.assertj.core.api.Assertions.within(1e-4 * nb));
            }
            for (Map.Entry<String, NDArray> e : a.parameters().entrySet()) {
                float[] x = e.getValue().toFloatArray();
                float[] y = b.parameters().get(e.getKey()).toFloatArray();
                for (int i = 0; i < x.length; i++) {
                    assertThat(Math.abs(x[i] - y[i])).as(e.getKey()).isLessThan(1e-5f + 1e-5f * Math.abs(y[i]));
                }
            }
        }
    }

    /** Each optimizer is created anew on the model: a fresh state at every call would not test accumulation. */
    private final Map<LlamaModel, AdamW> optimizers = new java.util.IdentityHashMap<>();

    private double step(LlamaModel model, AdamW.Settings settings, boolean fused, int i) {
        AdamW optimizer = optimizers.computeIfAbsent(model, m -> new AdamW(m.parameters(), settings, m.newSubManager(),
                fused));
        model.setTrainable(true);
        try (Trainer forGradients = new Trainer(model, null, tokenizer,
                TrainerSettings.defaults(LossKind.SFT, LearningRateSchedule.constant(0, 0)).withMaxSequenceLength(64))) {
            // A zero learning rate step leaves the gradients of this batch in place for the optimizer under test.
            forGradients.step(batch(new Random(i)));
        }
        return optimizer.step(1e-2);
    }

    private List<Double> losses(Precision compute) {
        List<Double> losses = new ArrayList<>();
        Random random = new Random(3);
        try (LlamaModel model = LlamaModel.random(SMALL, 9, compute);
             Trainer trainer = new Trainer(model, null, tokenizer,
                     TrainerSettings.defaults(LossKind.SFT, LearningRateSchedule.constant(3e-3, 0))
                             .withMaxSequenceLength(64))) {
            for (int i = 0; i < STEPS; i++) {
                losses.add(trainer.step(batch(random)).loss());
            }
        }
        return losses;
    }

    private static List<TrainingExample> batch(Random random) {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int a = random.nextInt(50);
            int b = random.nextInt(50);
            out.add(TrainingExample.sft("Q: " + a + "+" + b + "\n", "#### " + (a + b), 0.5 + random.nextDouble()));
        }
        return out;
    }
}
