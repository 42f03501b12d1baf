package io.east.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGenerationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> lines(int responseChars) throws Exception {
        Path file = dir.resolve("g" + responseChars + ".jsonl");
        SyntheticGenerations.writeQwenEval(file, 30, 8, responseChars, 42);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void responsesArePaddedToTheAskedLengthAndStillEndInTheirBox() throws Exception {
        for (JsonNode line : lines(560)) {
            for (int i = 0; i < 8; i++) {
                String response = line.get("code").get(i).asText();
                assertThat(response).hasSize(560).endsWith("\\boxed{" + line.get("pred").get(i).asText() + "}.");
            }
        }
    }

    @Test
    void withoutALengthTheResponsesAreTheOneLineSolutionsAndTheAnswersDoNotDependOnIt() throws Exception {
        List<JsonNode> plain = lines(0);
        List<JsonNode> padded = lines(560);
        for (int q = 0; q < plain.size(); q++) {
            JsonNode line = plain.get(q);
            String gold = line.get("gt").asText();
            for (int i = 0; i < 8; i++) {
                String answer = line.get("pred").get(i).asText();
                assertThat(line.get("code").get(i).asText()).isEqualTo("We compute step by step: " + gold
                        + " - 1 + 1 = " + answer + ". So the answer is \\boxed{" + answer + "}.");
            }
            assertThat(padded.get(q).get("pred")).isEqualTo(line.get("pred"));
            assertThat(padded.get(q).get("score")).isEqualTo(line.get("score"));
        }
    }
}
