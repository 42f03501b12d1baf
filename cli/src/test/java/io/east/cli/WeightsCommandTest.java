package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch weighting on a reference-format (qwen-eval) file whose every number was worked out by hand below.
 *
 * <pre>
 * idx gt  pred (score)                     rule outcome        clusters     h (bits)  A     R
 * 0   3   3(T) 3(T) 5(F) null(F)           kept                {3:2,5:1,-:1} 1.5      0.5   0.25
 * 1   10  10 10 10 10 (all T)              all_correct         {10:4}        0        1     0
 * 2   7   1 2 1 2 (all F)                  no_correct          {1:2,2:2}     1        0     0.5
 * 3   4   4(T) 6(F) 8(F) 9(F)              kept                {4,6,8,9}     2        0.25  0.25
 * 4   2   2(T) 2(F) 9(F) 9(F)              grader_mismatch     {2:2,9:2}     1        0.25  0.5
 * 5   1   1(T) 0(F, not boxed) 1(T) 1(T)   no_boxed_rejected   {1:3,0:1}     0.811..  0.75  0
 * </pre>
 * Kept entropies 1.5 and 2: with a = 1 over the dataset the weights are 1.5/1.75 and 2/1.75; with a = 2 they are
 * 2.25/3.125 and 4/3.125; with fixed:2 and a = 1 they are 0.75 and 1.
 */
class WeightsCommandTest {

    @TempDir
    Path dir;

    private Path referenceFile() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line(0, "3", new String[] {"3", "3", "5", null}, new boolean[] {true, true, false, false}, null));
        lines.add(line(1, "10", new String[] {"10", "10", "10", "10"}, new boolean[] {true, true, true, true}, null));
        lines.add(line(2, "7", new String[] {"1", "2", "1", "2"}, new boolean[] {false, false, false, false}, null));
        lines.add(line(3, "4", new String[] {"4", "6", "8", "9"}, new boolean[] {true, false, false, false}, null));
        lines.add(line(4, "2", new String[] {"2", "2", "9", "9"}, new boolean[] {true, false, false, false}, null));
        lines.add(line(5, "1", new String[] {"1", "0", "1", "1"}, new boolean[] {true, false, true, true}, 1));
        Path file = dir.resolve("reference.jsonl");
        Files.write(file, lines);
        return file;
    }

    /** A qwen-eval line whose responses box their prediction, except the one at unboxedIndex. */
    private static String line(int idx, String gt, String[] pred, boolean[] score, Integer unboxedIndex) {
        StringBuilder code = new StringBuilder();
        StringBuilder preds = new StringBuilder();
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < pred.length; i++) {
            String sep = i == 0 ? "" : ", ";
            String response = pred[i] == null ? "I am not sure."
                    : (unboxedIndex != null && unboxedIndex == i) ? "It is " + pred[i] + "."
                    : "Thus \\\\boxed{" + pred[i] + "}.";
            code.append(sep).append('"').append(response).append('"');
            preds.append(sep).append(pred[i] == null ? "null" : "\"" + pred[i] + "\"");
            scores.append(sep).append(score[i]);
        }
        return "{\"idx\": " + idx + ", \"question\": \"q" + idx + "\", \"gt\": \"" + gt + "\", \"code\": [" + code
                + "], \"pred\": [" + preds + "], \"score\": [" + scores + "]}";
    }

    private List<JsonNode> weights(Path input, String... options) throws Exception {
        Path output = dir.resolve("out-" + System.nanoTime() + ".jsonl");
        List<String> args = new ArrayList<>(List.of("weights", "--input", input.toString(), "--format", "qwen-eval",
                "--clustering", "exact", "--output", output.toString()));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return GradeCommandTest.readJson(output);
    }

    @Test
    void reproducesTheReferencePreprocessingWorkedOutByHand() throws Exception {
        List<JsonNode> rows = weights(referenceFile());

        assertThat(rows).extracting(row -> row.get("question_id").asText())
                .containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(rows.get(0).get("task_id").asText()).as("the importer's task id").isEqualTo("import/0@r0");
        assertThat(rows).extracting(row -> row.get("kept").booleanValue())
                .containsExactly(true, false, false, true, false, false);
        assertThat(rows).extracting(row -> row.get("discard_reason").isNull() ? null : row.get("discard_reason").asText())
                .containsExactly(null, "all_correct", "no_correct", null, "grader_mismatch", "no_boxed_rejected");
        double[] entropy = {1.5, 0, 1, 2, 1, 0.8112781244591328};
        double[] accuracy = {0.5, 1, 0, 0.25, 0.25, 0.75};
        double[] rejected = {0.25, 0, 0.5, 0.25, 0.5, 0};
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("n").intValue()).isEqualTo(4);
            assertThat(rows.get(i).get("entropy").doubleValue()).as("entropy of %d", i).isCloseTo(entropy[i], within(1e-12));
            assertThat(rows.get(i).get("accuracy").doubleValue()).as("A of %d", i).isCloseTo(accuracy[i], within(1e-12));
            assertThat(rows.get(i).get("rejected_share").doubleValue()).as("R of %d", i)
                    .isCloseTo(rejected[i], within(1e-12));
        }
        assertThat(rows.get(0).get("weight").doubleValue()).isCloseTo(1.5 / 1.75, within(1e-12));
        assertThat(rows.get(3).get("weight").doubleValue()).isCloseTo(2 / 1.75, within(1e-12));
        assertThat(rows.get(1).get("weight").isNull()).isTrue();
        assertThat(rows.get(0).get("chosen_index").intValue()).isIn(0, 1);
        assertThat(rows.get(0).get("rejected_index").intValue()).isEqualTo(2);
    }

    /**
     * Where the reference code's R and rejected pool differ from a cluster's boxed wrong members: an unboxed response
     * carrying the common wrong answer (6), a tie broken by the first boxed wrong answer rather than the first cluster
     * (7), and an equivalent form graded correct that is not the gold string (8).
     */
    @Test
    void referenceRulesTakeRAndTheRejectedFromEveryResponseWithTheCommonBoxedWrongPred() throws Exception {
        Path file = dir.resolve("reference-r.jsonl");
        Files.write(file, List.of(
                line(6, "5", new String[] {"5", "7", "7", "8"}, new boolean[] {true, false, false, false}, 1),
                line(7, "1", new String[] {"1", "4", "6", "4"}, new boolean[] {true, false, false, false}, 1),
                line(8, "1/2", new String[] {"1/2", "0.5", "0.5", "3"}, new boolean[] {true, true, true, false}, null)));

        List<JsonNode> rows = weights(file, "--rules", "reference");

        assertThat(rows).extracting(row -> row.get("kept").booleanValue()).containsExactly(true, true, true);
        assertThat(rows).extracting(row -> row.get("rejected_share").doubleValue()).containsExactly(0.5, 0.25, 0.25);
        assertThat(rows).extracting(row -> row.get("accuracy").doubleValue()).containsExactly(0.25, 0.25, 0.75);
        assertThat(rows.get(0).get("rejected_index").intValue()).isIn(1, 2);
        assertThat(rows.get(1).get("rejected_index").intValue()).isEqualTo(2);
        assertThat(rows.get(2).get("rejected_index").intValue()).isEqualTo(3);
        assertThat(rows.get(2).get("chosen_index").intValue()).isZero();
        Set<Integer> drawn = new HashSet<>();
        for (int seed = 0; seed < 12; seed++) {
            drawn.add(weights(file, "--rules", "reference", "--seed", Integer.toString(seed)).get(0)
                    .get("rejected_index").intValue());
        }
        assertThat(drawn).as("the unboxed response with the common pred can be the rejected one").contains(1, 2);
    }

    @Test
    void alphaAndScopeChangeTheWeightsAsTheFormulaSays() throws Exception {
        Path file = referenceFile();
        List<JsonNode> squared = weights(file, "--alpha", "2");
        assertThat(squared.get(0).get("weight").doubleValue()).isCloseTo(2.25 / 3.125, within(1e-12));
        assertThat(squared.get(3).get("weight").doubleValue()).isCloseTo(4 / 3.125, within(1e-12));

        List<JsonNode> fixed = weights(file, "--scope", "fixed:2");
        assertThat(fixed.get(0).get("weight").doubleValue()).isEqualTo(0.75);
        assertThat(fixed.get(3).get("weight").doubleValue()).isEqualTo(1.0);

        List<JsonNode> vanilla = weights(file, "--alpha", "0");
        assertThat(vanilla.get(0).get("weight").doubleValue()).isEqualTo(1.0);
        assertThat(vanilla.get(3).get("weight").doubleValue()).isEqualTo(1.0);

        List<JsonNode> accuracy = weights(file, "--strategy", "accuracy");
        // 1 - A = 0.5 and 0.75: mean 0.625.
        assertThat(accuracy.get(0).get("weight").doubleValue()).isCloseTo(0.8, within(1e-12));
        assertThat(accuracy.get(3).get("weight").doubleValue()).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void standardRulesKeepWhatOnlyTheReferenceRulesDrop() throws Exception {
        List<JsonNode> rows = weights(referenceFile(), "--rules", "standard");
        assertThat(rows).extracting(row -> row.get("kept").booleanValue())
                .containsExactly(true, false, false, true, true, true);
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndTheRestIsWeighed() throws Exception {
        Path file = referenceFile();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, "{\"idx\": 99, \"gt\": \"1\", \"code\": [\"a\"], \"pred\": [\"1\", \"2\"], \"score\": [true]}");
        lines.add(4, "not json");
        lines.add("{\"idx\": 3, \"gt\": \"4\", \"code\": [\"a\"], \"pred\": [\"4\"], \"score\": [true]}");
        Files.write(file, lines);
        Path output = dir.resolve("out.jsonl");

        CliRunner.Result result = CliRunner.run("weights", "--input", file.toString(), "--format", "qwen-eval",
                "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .contains(file + ":3: fields 'code', 'pred' and 'score' must have the same length")
                .contains(file + ":5: invalid JSON")
                .contains(file + ":9: idx 3 repeats line");
        List<JsonNode> rows = GradeCommandTest.readJson(output);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(3).get("weight").doubleValue()).isCloseTo(2 / 1.75, within(1e-12));
    }

    @Test
    void samplesFormatGroupsLinesByTaskAndReportsDuplicates() throws Exception {
        Path file = dir.resolve("samples.jsonl");
        List<String> lines = new ArrayList<>();
        String[] answers = {"3", "3", "5", "7"};
        for (int i = 0; i < 4; i++) {
            lines.add("{\"task_id\": \"t1\", \"question_id\": \"q1\", \"sample_index\": " + i + ", \"n\": 4, "
                    + "\"predicted_answer\": \"" + answers[i] + "\", \"correct\": " + (i < 2) + ", "
                    + "\"gold_answer\": \"3\", \"response\": \"\\\\boxed{" + answers[i] + "}\"}");
        }
        lines.add(lines.get(1));
        lines.add("{\"task_id\": \"t2\", \"question_id\": \"q2\", \"sample_index\": 4, \"n\": 4, "
                + "\"predicted_answer\": \"1\", \"correct\": true}");
        Files.write(file, lines);
        Path output = dir.resolve("samples-out.jsonl");

        CliRunner.Result result = CliRunner.run("weights", "--input", file.toString(), "--format", "samples",
                "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains(file + ":5: task t1 repeats sample_index 1 of line 2")
                .contains(file + ":6: field 'sample_index' must be in [0, 3], got 4");
        List<JsonNode> rows = GradeCommandTest.readJson(output);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("task_id").asText()).isEqualTo("t1");
        assertThat(rows.get(0).get("entropy").doubleValue()).isCloseTo(1.5, within(1e-12));
        assertThat(rows.get(0).get("weight").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void badOptionValuesAreOneLineUsageErrors() throws Exception {
        Path file = referenceFile();
        String scope = CliRunner.badUsage("weights", "--input", file.toString(), "--format", "qwen-eval",
                "--scope", "window:0");
        assertThat(scope).contains("--scope").contains("window:0");

        assertThat(CliRunner.badUsage("weights", "--input", file.toString(), "--format", "csv"))
                .contains("format must be qwen-eval or samples");
    }
}
