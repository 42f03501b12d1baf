package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code east weights --rules reference} against the reference code's own preprocessing, on a random file with
 * unboxed responses, missing answers, ties and equivalent forms graded correct. Runs when {@code -Deast.reference}
 * names a checkout of the public EAST repository and {@code python3} (or {@code -Deast.python}) has numpy.
 */
class ReferencePreprocessingAgreementTest {

    private static final String[] WRONG = {"3", "4", "7"};

    @TempDir
    Path dir;

    @Test
    void keptQuestionsAccuracyRejectedShareEntropyAndWeightAreTheReferences() throws Exception {
        String checkout = System.getProperty("east.reference", "");
        Assumptions.assumeTrue(!checkout.isBlank(), "set -Deast.reference to a checkout of the EAST repository");
        Path root = Path.of(System.getProperty("east.root", "."));
        Path input = dir.resolve("random.jsonl");
        writeRandomQwenEval(input, 1500, 8, 11);
        Path expected = dir.resolve("reference.jsonl");
        Process python = new ProcessBuilder(System.getProperty("east.python", "python3"),
                root.resolve("bench/reference_weights.py").toString(), "--reference", checkout,
                "--input", input.toString(), "--output", expected.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        assertThat(python.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Assumptions.assumeTrue(python.exitValue() == 0, () -> "the reference did not run: " + log());
        Path actual = dir.resolve("east.jsonl");

        CliRunner.Result result = CliRunner.run("weights", "--input", input.toString(), "--format", "qwen-eval",
                "--rules", "reference", "--clustering", "exact", "--output", actual.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<JsonNode> reference = GradeCommandTest.readJson(expected);
        List<JsonNode> kept = GradeCommandTest.readJson(actual).stream()
                .filter(row -> row.get("kept").booleanValue()).toList();
        assertThat(kept).hasSameSizeAs(reference).hasSizeGreaterThan(500);
        for (int i = 0; i < kept.size(); i++) {
            for (String field : List.of("accuracy", "rejected_share", "entropy", "weight")) {
                assertThat(kept.get(i).get(field).doubleValue()).as("%s of %s", field, kept.get(i).get("question_id"))
                        .isCloseTo(reference.get(i).get(field).doubleValue(), within(1e-12));
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("python.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Gold k/2; answers the gold, an equivalent form graded correct, three wrong ones, or none; 70% boxed. */
    private static void writeRandomQwenEval(Path file, int questions, int n, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            int k = 1 + random.nextInt(9);
            String gold = k + "/2";
            List<String> code = new ArrayList<>();
            List<String> pred = new ArrayList<>();
            List<Boolean> score = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(10);
                String answer = pick < 3 ? gold : pick == 3 ? (2 * k) + "/4" : pick < 9 ? WRONG[pick % 3] : null;
                boolean boxed = random.nextInt(10) < 7;
                code.add(answer == null ? "I give up." : boxed ? "Thus \\boxed{" + answer + "}." : "It is " + answer + ".");
                pred.add(answer);
                score.add(pick <= 3);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("idx", q);
            line.put("question", "q" + q);
            line.put("gt", gold);
            line.put("code", code);
            line.put("pred", pred);
            line.put("score", score);
            lines.add(json.writeValueAsString(line));
        }
        Files.write(file, lines);
    }
}
