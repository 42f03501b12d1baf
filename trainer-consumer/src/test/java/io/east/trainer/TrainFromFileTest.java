package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.model.Checkpoints;
import io.east.model.train.LossKind;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole trainer on a tiny random model, reading --data files: no Kafka. */
class TrainFromFileTest {

    @TempDir
    Path dir;

    private final Path init = TestExamples.tinyInit();

    private TrainerAppSettings.Builder settings(Path data) {
        return TrainerAppSettings.builder(LossKind.SFT, init, dir.resolve("checkpoints")).dataFile(data)
                .batchSize(4).learningRate(1e-2).warmupSteps(0).logEvery(5);
    }

    private Path dataFile(List<WeightedExample> data) throws IOException {
        return TestExamples.writeJsonl(dir.resolve("data.jsonl"), data);
    }

    private CheckpointStore checkpoints() {
        return new CheckpointStore(dir.resolve("checkpoints"));
    }

    private static TrainingReport run(TrainerAppSettings settings, TrainingListener listener) throws IOException {
        try (TrainerApp app = TrainerApp.open(settings, Map.of(), listener)) {
            return app.run();
        }
    }

    /** Four patterns a model of 40k parameters learns within a few dozen steps (as in the model's own tests). */
    private static List<WeightedExample> patterns(int copies) {
        String[][] texts = {{"abcabc", "abcabc"}, {"xyxyxy", "xyxyxy"}, {"1231231", "231231"}, {"#-#-#-", "#-#-#-"}};
        List<WeightedExample> out = new ArrayList<>();
        for (int i = 0; i < copies * texts.length; i++) {
            String[] t = texts[i % texts.length];
            out.add(WeightedExample.newBuilder(TestExamples.example("p-" + i, 1, 0)).setPrompt(t[0]).setChosen(t[1]).build());
        }
        return out;
    }

    @Test
    void theLossFallsAndEveryExampleIsTrainedOnceAlongTheCheckpoints() throws IOException {
        List<WeightedExample> data = patterns(30);
        Path file = dataFile(data);
        RecordingListener seen = new RecordingListener();

        TrainingReport report = run(settings(file).checkpointEvery(10).build(), seen);

        assertThat(report.stopReason()).isEqualTo(TrainingReport.StopReason.END_OF_DATA);
        assertThat(report.steps()).isEqualTo(30);
        assertThat(seen.metrics).extracting(TrainMetrics::getStep).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
        double first = seen.metrics.get(0).getLoss();
        double last = seen.metrics.subList(25, 30).stream().mapToDouble(TrainMetrics::getLoss).average().orElseThrow();
        assertThat(first).as("uniform over 100 tokens at init").isBetween(Math.log(100) - 0.5, Math.log(100) + 0.5);
        assertThat(last).as("loss after 30 steps").isLessThan(first / 3);
        TrainMetrics step11 = seen.metrics.get(10);
        assertThat(step11.getModelVersion()).as("steps 11-20 train version 2").isEqualTo(2);
        assertThat(step11.getExamplesSeen()).isEqualTo(44);
        assertThat(step11.getLearningRate()).isEqualTo(1e-2);
        assertThat(step11.getLossType()).isEqualTo("sft");
        assertThat(step11.getMeanWeight()).isEqualTo(1.0);
        assertThat(step11.getTokensPerSecond()).isPositive();

        CheckpointStore store = checkpoints();
        assertThat(store.list()).extracting(Checkpoint::version).containsExactly(1L, 2L, 3L);
        TrainerState state = store.newest().orElseThrow().state();
        assertThat(state.step()).isEqualTo(30);
        assertThat(state.examplesSeen()).isEqualTo(120);
        assertThat(state.offsets()).containsExactly(Map.entry("file:data.jsonl", 120L));
        assertThat(state.source()).isEqualTo("file:data.jsonl");
        assertThat(state.lastLoss()).isEqualTo(seen.metrics.get(29).getLoss());
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactlyElementsOf(TestExamples.taskIds(data));
        Path v3 = store.directoryFor(3);
        assertThat(v3.resolve(Checkpoints.WEIGHTS)).isNotEmptyFile();
        assertThat(v3.resolve("optimizer.safetensors")).isNotEmptyFile();
        assertThat(v3.resolve(Checkpoints.CONFIG)).content().contains("\"model_type\" : \"llama\"");
        assertThat(seen.versions).extracting(v -> v.getParentVersion()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aStepSkippedForANonFiniteGradientWritesNoSecondCheckpointOfTheSameStep() throws IOException {
        List<WeightedExample> data = new ArrayList<>(TestExamples.examples("ok", 2));
        // Its weighted loss overflows float32, so the gradient norm is infinite and AdamW skips the update.
        data.add(1, TestExamples.example("overflow", 3e38, 0));
        Path file = dataFile(data);
        RecordingListener seen = new RecordingListener();

        run(settings(file).batchSize(1).checkpointEvery(1).build(), seen);

        assertThat(seen.metrics).extracting(TrainMetrics::getGradNorm)
                .satisfies(norms -> assertThat(Double.isFinite(norms.get(1))).as("the middle step's norm").isFalse());
        CheckpointStore store = checkpoints();
        assertThat(store.list()).extracting(c -> c.state().step()).as("one checkpoint per step").containsExactly(1L, 2L);
        assertThat(seen.versions).extracting(v -> v.getStep()).containsExactly(1L, 2L);
        assertThat(consumedLines(store)).isEqualTo(3L);
    }

    @Test
    void aRestartResumesFromTheNewestCheckpointSoNothingIsTrainedTwiceOrSkipped() throws IOException {
        List<WeightedExample> data = TestExamples.examples("r", 30);
        Path file = dataFile(data);
        run(settings(file).checkpointEvery(2).maxExamples(20).build(), TrainingListener.NONE);
        CheckpointStore store = checkpoints();
        assertThat(store.newest().orElseThrow().state().examplesSeen()).isEqualTo(20);
        assertThat(store.newest().orElseThrow().version()).as("steps 2 and 4, then the final one at 20").isEqualTo(3);

        // As if the process had died after training examples 17-20 but before their checkpoint was complete:
        // only the hidden temporary directory of the write in progress is left.
        Path lost = store.directoryFor(3);
        Files.move(lost, lost.resolveSibling(".v000003.tmp-4242"));

        RecordingListener resumed = new RecordingListener();
        TrainingReport report = run(settings(file).checkpointEvery(2).maxExamples(30).build(), resumed);

        assertThat(report.stopReason()).isEqualTo(TrainingReport.StopReason.MAX_EXAMPLES);
        assertThat(report.trained()).isEqualTo(14);
        assertThat(resumed.metrics.get(0).getStep()).as("the optimizer resumed at step 4").isEqualTo(5);
        assertThat(resumed.metrics.get(0).getModelVersion()).isEqualTo(3);
        assertThat(lost.resolveSibling(".v000003.tmp-4242")).doesNotExist();
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactlyElementsOf(TestExamples.taskIds(data));
        assertThat(consumedLines(store)).isEqualTo(30L);
    }

    @Test
    void aTruncatedNewestCheckpointIsSkippedAndTrainingResumesFromTheOneBefore() throws IOException {
        List<WeightedExample> data = TestExamples.examples("t", 24);
        Path file = dataFile(data);
        run(settings(file).checkpointEvery(2).maxExamples(16).build(), TrainingListener.NONE);
        CheckpointStore store = checkpoints();
        Path weights = store.directoryFor(2).resolve(Checkpoints.WEIGHTS);
        Files.write(weights, java.util.Arrays.copyOf(Files.readAllBytes(weights), 1000));

        try (TrainerApp app = TrainerApp.open(settings(file).checkpointEvery(2).maxExamples(24).build(), Map.of(),
                TrainingListener.NONE)) {
            assertThat(app.startedFrom().version()).as("v2 is damaged").isEqualTo(1);
            assertThat(app.run().trained()).isEqualTo(16);
        }

        assertThat(store.newest().orElseThrow().version()).isEqualTo(3);
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactlyElementsOf(TestExamples.taskIds(data));
    }

    @Test
    void staleExamplesAreHeldBackCountedAndRecorded() throws IOException {
        long[] policyVersions = {0, 0, 0, 0, 0, 1, 2, 1, 2, 2};
        List<WeightedExample> data = new ArrayList<>();
        for (int i = 0; i < policyVersions.length; i++) {
            data.add(TestExamples.example("s-" + i, 1, policyVersions[i]));
        }
        Path file = dataFile(data);
        RecordingListener seen = new RecordingListener();

        // Batch 2, a new version after every step, versions may lag by at most 1:
        // s-0 s-1 -> v1; s-2 s-3 (lag 1) -> v2; s-4 (lag 2) held back; s-5 s-6 -> v3; s-7 (lag 2) held back; s-8 s-9 -> v4
        TrainingReport report = run(settings(file).batchSize(2).checkpointEvery(1).maxStaleness(1).build(), seen);

        assertThat(report.heldBack()).isEqualTo(2);
        assertThat(report.trained()).isEqualTo(8);
        assertThat(seen.metrics).extracting(TrainMetrics::getHeldBack).containsExactly(0L, 0L, 1L, 2L);
        CheckpointStore store = checkpoints();
        assertThat(store.newest().orElseThrow().state().heldBack()).isEqualTo(2);
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactly("s-0", "s-1", "s-2", "s-3", "s-5", "s-6",
                "s-8", "s-9");
        assertThat(Files.readString(store.directoryFor(3).resolve(CheckpointStore.SKIPPED)))
                .contains("\"task_id\":\"s-4\"", "\"reason\":\"stale\"", "lags version 2 by 2 > 1");
    }

    @Test
    void badLinesAreReportedSkippedAndRecorded() throws IOException {
        List<WeightedExample> data = TestExamples.examples("b", 8);
        Path file = dataFile(data);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(3, "{\"task_id\": \"broken\"");
        lines.add(5, "{\"task_id\": \"neg\", \"prompt\": \"p\", \"chosen\": \"c\", \"weight\": -2}");
        Files.write(file, lines);

        TrainingReport report = run(settings(file).checkpointEvery(100).build(), TrainingListener.NONE);

        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.trained()).isEqualTo(8);
        Checkpoint last = report.lastCheckpoint();
        assertThat(last.state().invalid()).isEqualTo(2);
        assertThat(last.state().offsets()).containsEntry("file:data.jsonl", 10L);
        assertThat(Files.readAllLines(last.directory().resolve(CheckpointStore.SKIPPED)))
                .satisfiesExactly(l -> assertThat(l).contains("data.jsonl:4: invalid JSON"),
                        l -> assertThat(l).contains("data.jsonl:6: field 'weight' must be finite and >= 0"));
    }

    @Test
    void dpoTrainsAgainstTheInitModelAndACheckpointDirectoryKeepsItsLoss() throws IOException {
        List<WeightedExample> pairs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            pairs.add(WeightedExample.newBuilder(TestExamples.example("d-" + i, 1, 0)).setPrompt("Q: " + (i % 4) + "+1=")
                    .setChosen(" " + (i % 4 + 1)).setRejected(" " + (i % 4 + 2)).build());
        }
        Path file = dataFile(pairs);
        RecordingListener seen = new RecordingListener();
        TrainerAppSettings dpo = TrainerAppSettings.builder(LossKind.DPO, init, dir.resolve("checkpoints")).dataFile(file)
                .batchSize(4).learningRate(3e-3).warmupSteps(0).beta(0.1).build();

        run(dpo, seen);

        assertThat(seen.metrics.get(0).getLoss()).as("policy = reference at the start").isCloseTo(Math.log(2),
                org.assertj.core.api.Assertions.within(1e-4));
        assertThat(seen.metrics.get(5).getLoss()).as("the same four pairs, sixth time").isLessThan(Math.log(2) - 0.01);
        assertThat(seen.versions).singleElement().satisfies(v -> assertThat(v.getLoss()).isEqualTo("dpo"));
        assertThatThrownBy(() -> run(settings(file).build(), TrainingListener.NONE))
                .isInstanceOf(InvalidSetupException.class).hasMessageContaining("holds a dpo run");
    }

    @Test
    void askingForAGpuWhereTheEngineSeesNoneFailsClearlyBeforeAnythingIsWritten() throws IOException {
        Path file = dataFile(TestExamples.examples("g", 4));
        assertThatThrownBy(() -> TrainerApp.open(settings(file).device(DeviceChoice.GPU).build(), Map.of(),
                TrainingListener.NONE))
                .isInstanceOf(InvalidSetupException.class)
                .hasMessageContaining("--device gpu: the PyTorch engine sees no GPU with PyTorch 2.7.1 (cpu, bundled)")
                .hasMessageContaining("east torch-setup --python PY").hasMessageContaining("Training on a GPU");
        assertThat(dir.resolve("checkpoints")).doesNotExist();
        assertThat(DeviceChoice.AUTO.resolve()).as("this machine has no GPU").isEqualTo(ai.djl.Device.cpu());
    }

    @Test
    void anInitWithoutItsWeightsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dataFile(TestExamples.examples("w", 4));
        Path noWeights = Files.createDirectories(dir.resolve("no-weights"));
        Files.copy(init.resolve(Checkpoints.CONFIG), noWeights.resolve(Checkpoints.CONFIG));
        Files.copy(init.resolve(Checkpoints.TOKENIZER), noWeights.resolve(Checkpoints.TOKENIZER));

        assertThatThrownBy(() -> TrainerApp.open(TrainerAppSettings.builder(LossKind.SFT, noWeights,
                dir.resolve("checkpoints")).dataFile(file).build(), Map.of(), TrainingListener.NONE))
                .isInstanceOf(InvalidSetupException.class)
                .hasMessage("--init " + noWeights + " is not a checkpoint directory (config.json, model.safetensors, "
                        + "tokenizer.json): no model.safetensors");
        assertThat(dir.resolve("checkpoints")).doesNotExist();
    }

    @Test
    void cpuIsRefusedOnlyWhereTheEngineWouldPlaceModelsOnAGpu() {
        assertThat(DeviceChoice.CPU.resolve(0, ai.djl.Device.cpu(), "libtorch")).isEqualTo(ai.djl.Device.cpu());
        assertThat(DeviceChoice.GPU.resolve(2, ai.djl.Device.gpu(), "libtorch")).isEqualTo(ai.djl.Device.gpu());
        assertThatThrownBy(() -> DeviceChoice.CPU.resolve(1, ai.djl.Device.gpu(), "libtorch"))
                .isInstanceOf(InvalidSetupException.class).hasMessageContaining("CUDA_VISIBLE_DEVICES=");
    }

    /** The lines of data.jsonl that the newest checkpoint counts as consumed. */
    private static long consumedLines(CheckpointStore store) throws IOException {
        return store.newest().orElseThrow().state().offsets().get(FileExampleSource.keyFor(Path.of("data.jsonl")));
    }
}
