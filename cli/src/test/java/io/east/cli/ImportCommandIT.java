package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void publishesTheGoodLinesReportsTheBadOneWithFileAndLineAndExitsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("eval.jsonl"), String.join("\n",
                qwenEval(0, "4", "4", "5"),
                "{\"idx\": 1, \"gt\": \"2\", \"code\": [\"x\"], \"pred\": [\"2\"]}",
                qwenEval(2, "9", "9", "9", "1")) + "\n");

        CliRunner.Result result = CliRunner.run("import", "--format", "qwen-eval", "--input", file.toString(),
                "--dataset", "cli-import", "--round", "2", "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains(file + ":2: missing field 'score'")
                .contains("import finished")
                .contains("lines=\"3\"")
                .contains("samples_published=\"5\"")
                .contains("malformed=\"1\"");
        List<ConsumerRecord<String, ReasoningSample>> samples = samplesOf("cli-import", 5);
        assertThat(samples).hasSize(5);
        assertThat(samples).extracting(ConsumerRecord::key).containsOnly("cli-import/0@r2", "cli-import/2@r2");
        assertThat(samples).allSatisfy(record -> {
            assertThat(record.value().getTaskId()).isEqualTo(record.key());
            assertThat(record.value().getGenerator()).isEqualTo("import:qwen-eval");
            assertThat(record.value().getRound()).isEqualTo(2);
        });
    }

    @Test
    void aCleanFileExitsZeroAndSamplesKeepTheirOwnTaskIds() throws Exception {
        Path file = Files.writeString(dir.resolve("samples.jsonl"), String.join("\n",
                sample("cli-own/q1@r4", 0), sample("cli-own/q1@r4", 1)) + "\n");

        CliRunner.Result result = CliRunner.run("import", "--format", "samples", "-i", file.toString(),
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(samplesOf("cli-own", 2)).extracting(ConsumerRecord::key).containsExactly("cli-own/q1@r4",
                "cli-own/q1@r4");
    }

    @Test
    void badUsageExitsTwoWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("eval.jsonl"), qwenEval(0, "1", "1") + "\n");
        CliRunner.Result missing = CliRunner.run("import", "--format", "qwen-eval", "--input",
                dir.resolve("nope.jsonl").toString(), "--bootstrap", KAFKA.bootstrapServers());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--input: no such file: " + dir.resolve("nope.jsonl"));

        CliRunner.Result badDataset = CliRunner.run("import", "--format", "qwen-eval", "--input", file.toString(),
                "--dataset", "a/b", "--bootstrap", KAFKA.bootstrapServers());
        assertThat(badDataset.exitCode()).isEqualTo(2);
        assertThat(badDataset.stderr()).contains("--dataset must match");

        CliRunner.Result badFormat = CliRunner.run("import", "--format", "csv", "--input", file.toString());
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.stderr()).contains("format must be qwen-eval or samples");
    }

    private static String qwenEval(int idx, String gold, String... preds) {
        ObjectNode json = MAPPER.createObjectNode().put("idx", idx).put("question", "Q" + idx).put("gt", gold);
        ArrayNode code = json.putArray("code");
        ArrayNode pred = json.putArray("pred");
        ArrayNode score = json.putArray("score");
        for (String answer : preds) {
            code.add("So the answer is \\boxed{" + answer + "}.");
            pred.add(answer);
            score.add(answer.equals(gold));
        }
        return json.toString();
    }

    private static String sample(String taskId, int index) {
        return MAPPER.createObjectNode().put("task_id", taskId).put("question_id", "q1").put("dataset", "cli-own")
                .put("round", 4).put("sample_index", index).put("n", 2).put("response", "\\boxed{1}")
                .put("predicted_answer", "1").put("gold_answer", "1").put("correct", true).toString();
    }

    private static List<ConsumerRecord<String, ReasoningSample>> samplesOf(String dataset, int expected) {
        try (TopicReader<ReasoningSample> reader = new TopicReader<>(KAFKA, EastTopics.SAMPLES.name(),
                EastSerdes.reasoningSample().deserializer(), record -> record.value().getDataset().equals(dataset))) {
            reader.readUntil(expected, Duration.ofSeconds(30));
            // Whatever else arrived in the same fetches is read too: nothing more is expected.
            return reader.poll();
        }
    }
}
