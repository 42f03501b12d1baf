package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    @TempDir
    Path dir;

    @Test
    void gradesEachLineInOrderExtractingFromResponsesAndGsm8kSolutions() throws Exception {
        Path input = lines("in.jsonl",
                "{\"prediction\": \"So the total is \\\\boxed{\\\\frac{1}{2}}.\", \"gold\": \"0.5\"}",
                "{\"prediction\": \"1,000\", \"gold\": \"She pays 10*100 = 1000.\\n#### 1000\"}",
                "",
                "{\"prediction\": \"The answer is 7\", \"gold\": \"8\"}",
                "{\"prediction\": \"no number here\", \"gold\": \"3\"}");
        Path output = dir.resolve("out.jsonl");

        CliRunner.Result result = CliRunner.run("grade", "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<JsonNode> rows = readJson(output);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("equivalent").booleanValue()).isTrue();
        assertThat(rows.get(0).get("prediction_answer").asText()).isEqualTo("\\frac{1}{2}");
        assertThat(rows.get(1).get("equivalent").booleanValue()).isTrue();
        assertThat(rows.get(1).get("gold_answer").asText()).isEqualTo("1000");
        assertThat(rows.get(2).get("equivalent").booleanValue()).isFalse();
        assertThat(rows.get(2).get("prediction_answer").asText()).isEqualTo("7");
        assertThat(rows.get(3).get("equivalent").booleanValue()).isFalse();
        assertThat(rows.get(3).get("prediction_answer").isNull()).isTrue();
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberKeepsOutputAlignedAndFailsTheExitCode() throws Exception {
        Path input = lines("bad.jsonl",
                "{\"prediction\": \"2\", \"gold\": \"2\"}",
                "{\"prediction\": \"2\", ",
                "{\"gold\": \"2\"}",
                "{\"prediction\": \"3\", \"gold\": \"2\"}");

        CliRunner.Result result = CliRunner.run("grade", "--input", input.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains(input + ":2: invalid JSON")
                .contains(input + ":3: missing field 'prediction'");
        List<JsonNode> rows = result.stdoutLines().stream().map(CliRunnerJson::parse).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("equivalent").booleanValue()).isTrue();
        assertThat(rows.get(1).get("equivalent").isNull()).isTrue();
        assertThat(rows.get(1).get("error").asText()).startsWith("line 2:");
        assertThat(rows.get(2).get("error").asText()).startsWith("line 3:");
        assertThat(rows.get(3).get("equivalent").booleanValue()).isFalse();
    }

    @Test
    void readsStandardInputByDefault() throws Exception {
        Path input = lines("stdin.jsonl", "{\"prediction\": \"50\\\\%\", \"gold\": \"50\"}");
        CliRunner.Result result = CliRunner.run(java.util.Map.of(), input, "grade");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(CliRunnerJson.parse(result.stdoutLines().get(0)).get("equivalent").booleanValue()).isTrue();
    }

    @Test
    void aMissingInputFileIsAUsageError() throws Exception {
        assertThat(CliRunner.badUsage("grade", "--input", dir.resolve("nope.jsonl").toString()).strip())
                .contains("--input: no such file").doesNotContain("Exception");
    }

    private Path lines(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    static List<JsonNode> readJson(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(CliRunnerJson::parse).toList();
    }
}
