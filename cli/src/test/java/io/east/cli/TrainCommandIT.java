package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.schemas.serde.RecordJson;
import io.east.testkit.TrainingExamples;
import io.east.trainer.Checkpoint;
import io.east.trainer.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code east train --data}: a JSONL file of weighted examples, no Kafka, the same checkpoints. */
class TrainCommandIT {

    private static final Map<String, String> ENV = Map.of("OMP_WAIT_POLICY", "PASSIVE");

    @TempDir
    static Path shared;
    static Path init;

    @TempDir
    Path dir;

    @BeforeAll
    static void tinyModel() throws Exception {
        init = shared.resolve("init");
        Checkpoints.writeFresh(init, LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 64), 3);
    }

    private static List<String> lines(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(RecordJson.toJson(TrainingExamples.builder("file/q" + i + "@r0")
                    .setPrompt(i + " + 2 = ?").setChosen(" " + (i + 2)).setRejected(" " + (i + 3)).build()));
        }
        return out;
    }

    private CliRunner.Result train(Path data) throws Exception {
        return CliRunner.run(ENV, null, "train", "--loss", "sft", "--init", init.toString(), "--checkpoint-dir",
                dir.resolve("checkpoints").toString(), "--data", data.toString(), "--batch-size", "4",
                "--checkpoint-every", "3", "--lr", "1e-3", "--warmup", "0");
    }

    @Test
    void trainsAFileReportsItsBadLinesAndResumesWhereItsCheckpointEnded() throws Exception {
        List<String> lines = new ArrayList<>(lines(22));
        lines.add(4, "{\"task_id\": \"file/bad@r0\", \"prompt\": \"p\", \"chosen\": \"c\"}");
        Path data = Files.write(dir.resolve("weighted.jsonl"), lines);

        CliRunner.Result result = train(data);

        assertThat(result.exitCode()).as("a bad line makes the exit code 1: " + result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).contains(data + ":5: missing field 'weight'");
        List<JsonNode> steps = result.stdoutLines().stream().map(CliRunnerJson::parse).toList();
        assertThat(steps).extracting(s -> s.get("step").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(steps.get(5).get("examples_seen").asLong()).as("5 full batches and a tail of 2").isEqualTo(22);
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"));
        Checkpoint last = store.newest().orElseThrow();
        assertThat(last.version()).as("at step 3 and at the end").isEqualTo(2);
        assertThat(last.state().offsets()).containsExactly(Map.entry("file:weighted.jsonl", 23L));
        assertThat(last.state().invalid()).isEqualTo(1);
        List<String> trained = new ArrayList<>();
        for (Checkpoint c : store.lineage(last)) {
            trained.addAll(0, CheckpointStore.trainedTasks(c.directory()));
        }
        assertThat(trained).hasSize(22).doesNotHaveDuplicates().doesNotContain("file/bad@r0");

        lines.addAll(lines(26).subList(22, 26));
        Files.write(data, lines);
        CliRunner.Result again = train(data);

        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdoutLines()).singleElement().satisfies(line ->
                assertThat(CliRunnerJson.parse(line).get("examples_seen").asLong()).isEqualTo(26));
        assertThat(store.newest().orElseThrow().state().examplesSeen()).isEqualTo(26);
    }

    @Test
    void badUsageIsOneLineAndExitCode2() throws Exception {
        Path data = Files.write(dir.resolve("weighted.jsonl"), lines(4));
        String checkpoints = dir.resolve("checkpoints").toString();

        CliRunner.Result gpu = CliRunner.run(ENV, null, "train", "--loss", "sft", "--init", init.toString(),
                "--checkpoint-dir", checkpoints, "--data", data.toString(), "--device", "gpu");
        assertThat(gpu.exitCode()).isEqualTo(2);
        assertThat(gpu.stderr()).contains("east train: --device gpu: the PyTorch engine sees no GPU");

        CliRunner.Result both = CliRunner.run("train", "--loss", "sft", "--init", init.toString(),
                "--checkpoint-dir", checkpoints, "--data", data.toString(), "--topic", "east.weighted");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("--data and --topic contradict each other");

        CliRunner.Result loss = CliRunner.run("train", "--loss", "ppo", "--init", init.toString(),
                "--checkpoint-dir", checkpoints, "--data", data.toString());
        assertThat(loss.exitCode()).isEqualTo(2);
        assertThat(loss.stderr()).contains("--loss must be sft, dpo or kto, got 'ppo'");
    }
}
