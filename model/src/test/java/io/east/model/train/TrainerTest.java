package io.east.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.model.Checkpoints;
import io.east.model.Completion;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.Precision;
import io.east.model.SafeTensors;
import io.east.model.Sampler;
import io.east.model.SamplerSettings;
import io.east.model.TestTokenizers;
import io.east.model.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {

    private static final LlamaConfig TINY = LlamaConfig.small(100, 32, 2, 4, 2, 64, 64);
    private static final List<TrainingExample> PATTERNS = List.of(
            TrainingExample.sft("abcabc", "abcabc", 1),
            TrainingExample.sft("xyxyxy", "xyxyxy", 1),
            TrainingExample.sft("1231231", "231231", 1),
            TrainingExample.sft("#-#-#-", "#-#-#-", 1));
    private static final List<TrainingExample> PAIRS = List.of(
            new TrainingExample("Q: 1+1\n", "#### 2", "#### 3", 1.3),
            new TrainingExample("Q: 2+2\n", "#### 4", "#### 5", 0.7));

    @TempDir
    static Path dir;

    private static final TextTokenizer tokenizer = TestTokenizers.characterLevel();

    private static TrainerSettings settings(LossKind loss, double learningRate) {
        return TrainerSettings.defaults(loss, LearningRateSchedule.constant(learningRate, 0)).withMaxSequenceLength(64);
    }

    @Test
    void sftLossFallsOnARepeatTaskAndTheModelLearnsIt() {
        try (LlamaModel model = LlamaModel.random(TINY, 1);
             Trainer trainer = new Trainer(model, null, tokenizer, settings(LossKind.SFT, 1e-2))) {
            List<Double> losses = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                losses.add(trainer.step(PATTERNS).loss());
            }
            double first = losses.get(0);
            double last = losses.subList(75, 80).stream().mapToDouble(d -> d).average().orElseThrow();
            assertThat(first).isCloseTo(Math.log(100), within(0.3));   // uniform over the vocabulary at init
            assertThat(last).isLessThan(first / 5);
            Completion c = new Sampler(model, tokenizer).generate(List.of("xyxyxy"), SamplerSettings.greedy(10)).get(0);
            assertThat(c.text()).isEqualTo("xyxyxy");
            assertThat(c.finishReason()).isEqualTo(Completion.FinishReason.END_OF_SEQUENCE);
        }
    }

    @Test
    void aStepReportsWhatItDid() {
        try (LlamaModel model = LlamaModel.random(TINY, 2);
             Trainer trainer = new Trainer(model, null, tokenizer, settings(LossKind.SFT, 1e-3))) {
            StepResult result = trainer.step(List.of(TrainingExample.sft("ab", "cd", 2.0)));
            assertThat(result.step()).isEqualTo(1);
            assertThat(result.tokens()).isEqualTo(1 + 2 + 2 + 1);          // <s> a b, c d </s>
            assertThat(result.responseTokens()).isEqualTo(3);
            assertThat(result.weightedLoss()).isCloseTo(2 * result.loss(), within(1e-5));
            assertThat(result.gradNorm()).isPositive();
            assertThat(result.learningRate()).isEqualTo(1e-3);
        }
    }

    @Test
    void zeroWeightsGiveAZeroGradient() {
        try (LlamaModel model = LlamaModel.random(TINY, 3)) {
            for (LossKind kind : LossKind.values()) {
                try (Trainer trainer = new Trainer(model, null, tokenizer, settings(kind, 1e-3))) {
                    List<TrainingExample> zero = PAIRS.stream()
                            .map(e -> new TrainingExample(e.prompt(), e.chosen(), e.rejected(), 0)).toList();
                    StepResult result = trainer.step(zero);
                    assertThat(result.gradNorm()).as(kind.name()).isZero();
                    assertThat(result.weightedLoss()).as(kind.name()).isZero();
                }
            }
        }
    }

    @Test
    void dpoStartsAtLn2AndSeparatesChosenFromRejected() {
        try (LlamaModel model = LlamaModel.random(TINY, 4);
             Trainer trainer = new Trainer(model, null, tokenizer, settings(LossKind.DPO, 3e-3))) {
            StepResult first = trainer.step(PAIRS);
            assertThat(first.loss()).isCloseTo(Math.log(2), within(1e-5));
            assertThat(first.weightedLoss()).isCloseTo(Math.log(2), within(1e-5));   // weights average 1
            StepResult later = first;
            for (int i = 0; i < 10; i++) {
                later = trainer.step(PAIRS);
            }
            assertThat(later.loss()).isLessThan(first.loss());
        }
    }

    @Test
    void ktoStartsAtOneHalfAndLearns() {
        try (LlamaModel model = LlamaModel.random(TINY, 5);
             Trainer trainer = new Trainer(model, null, tokenizer, settings(LossKind.KTO, 3e-3).withBeta(0.5))) {
            StepResult first = trainer.step(PAIRS);
            assertThat(first.loss()).isCloseTo(0.5, within(1e-5));
            StepResult later = first;
            for (int i = 0; i < 10; i++) {
                later = trainer.step(PAIRS);
            }
            assertThat(later.loss()).isLessThan(first.loss());
        }
    }

    /**
     * A bf16 checkpoint rounds the weights it shows to transformers; its optimizer file keeps the fp32 ones. The
     * restored state is compared bit for bit. The steps after it are compared with a straight run up to a small
     * fraction of what those steps changed: libtorch's CPU kernels are not bitwise reproducible from run to run (a
     * run that loaded nothing diverged in its last bits, rarely, on a loaded 2-core machine), and AdamW magnifies
     * such bits in near-zero gradients. A resume without the optimizer's state ends as far from the straight run as
     * those two steps moved the weights (ratio 1.0), five times the bound.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void resumingFromACheckpointRestoresTheStateAndContinuesTheRun(Precision file) throws Exception {
        List<List<TrainingExample>> batches = List.of(PATTERNS.subList(0, 2), PATTERNS.subList(2, 4),
                PATTERNS.subList(1, 3), PATTERNS);
        TrainerSettings settings = settings(LossKind.SFT, 5e-3)
                .withOptimizer(AdamW.Settings.defaults().withWeightDecay(0.01)).withCheckpointPrecision(file);
        Map<String, float[]> straightEnd;
        try (LlamaModel straight = LlamaModel.random(TINY, 6);
             Trainer trainer = new Trainer(straight, null, tokenizer, settings)) {
            batches.forEach(trainer::step);
            straightEnd = weights(straight);
        }

        Path checkpoint = dir.resolve("step-2-" + file);
        Map<String, float[]> saved;
        try (LlamaModel first = LlamaModel.random(TINY, 6);
             Trainer firstHalf = new Trainer(first, null, tokenizer, settings)) {
            firstHalf.step(batches.get(0));
            firstHalf.step(batches.get(1));
            firstHalf.save(checkpoint, d -> Files.writeString(d.resolve("east-state.json"), "{\"step\":2}"));
            saved = weights(first);
        }
        assertThat(checkpoint.resolve(AdamW.FILE)).exists();
        assertThat(checkpoint.resolve("east-state.json")).exists();
        assertThat(Checkpoints.weightPrecision(checkpoint)).isEqualTo(file);
        assertThat(SafeTensors.readHeader(checkpoint.resolve(Checkpoints.WEIGHTS)).tensors().values())
                .allMatch(t -> t.dtype().equals(file.safetensorsName()));
        assertThat(Files.readString(checkpoint.resolve(Checkpoints.CONFIG)))
                .contains("\"torch_dtype\" : \"" + file.torchName() + "\"");
        assertThat(SafeTensors.readHeader(checkpoint.resolve(AdamW.FILE)).tensors().keySet()
                .stream().anyMatch(k -> k.endsWith(AdamW.MASTER_SUFFIX))).isEqualTo(file != Precision.FP32);

        try (LlamaModel resumed = Checkpoints.loadModel(checkpoint);
             Trainer secondHalf = new Trainer(resumed, null, TextTokenizer.load(checkpoint), settings)) {
            assertThat(secondHalf.restoreOptimizer(checkpoint)).isTrue();
            assertThat(secondHalf.optimizer().stepCount()).isEqualTo(2);
            Map<String, float[]> restored = weights(resumed);
            saved.forEach((name, values) -> assertThat(restored.get(name)).as(name).containsExactly(values));
            Path again = dir.resolve("optimizer-again-" + file + ".safetensors");
            secondHalf.optimizer().save(again, file != Precision.FP32);
            assertThat(Files.mismatch(again, checkpoint.resolve(AdamW.FILE))).as("moments and step").isEqualTo(-1);

            secondHalf.step(batches.get(2));
            StepResult last = secondHalf.step(batches.get(3));
            assertThat(last.step()).isEqualTo(4);
            Map<String, float[]> resumedEnd = weights(resumed);
            double moved = 0;
            double apart = 0;
            for (String name : saved.keySet()) {
                for (int i = 0; i < saved.get(name).length; i++) {
                    moved += square(straightEnd.get(name)[i] - saved.get(name)[i]);
                    apart += square(resumedEnd.get(name)[i] - straightEnd.get(name)[i]);
                }
            }
            assertThat(Math.sqrt(apart)).isLessThan(0.2 * Math.sqrt(moved));
        }
    }

    private static Map<String, float[]> weights(LlamaModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.parameters().forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    private static double square(double x) {
        return x * x;
    }

    @Test
    void stepsDoNotLeakArrays() {
        try (LlamaModel model = LlamaModel.random(TINY, 7)) {
            for (LossKind kind : LossKind.values()) {
                try (Trainer trainer = new Trainer(model, null, tokenizer, settings(kind, 1e-3))) {
                    trainer.step(PAIRS);
                    int after = model.liveArrayCount();
                    for (int i = 0; i < 3; i++) {
                        trainer.step(PAIRS);
                    }
                    assertThat(model.liveArrayCount()).as(kind.name()).isEqualTo(after);
                }
            }
        }
    }
}
