package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code east grade --report}: the agreement table over a labelled corpus, its listings and its errors. */
class GradeReportTest {

    @TempDir
    Path dir;

    private Path corpus(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    private static String line(String id, String prediction, String gold, boolean expected, String category,
            String split) {
        return "{\"id\": \"" + id + "\", \"prediction\": \"" + prediction + "\", \"gold\": \"" + gold
                + "\", \"expected\": " + expected + ", \"category\": \"" + category + "\", \"split\": \"" + split
                + "\", \"source\": \"east:issue-16\"}";
    }

    /** Four dev cases: one agreement of each kind, one false negative (a wrong label), one false positive. */
    private Path sample() throws Exception {
        return corpus("sample.jsonl",
                line("t-1", "\\\\boxed{5}", "5", true, "numbers", "dev"),
                line("t-2", "\\\\boxed{6}", "5", false, "numbers", "dev"),
                line("t-3", "\\\\boxed{6}", "5", true, "numbers", "dev"),
                line("t-4", "\\\\boxed{5}", "5", false, "expressions", "dev"),
                line("t-5", "7", "7", true, "expressions", "heldout"));
    }

    @Test
    void printsAgreementFalsePositivesAndFalseNegativesPerSplitAndCategory() throws Exception {
        CliRunner.Result result = CliRunner.run("grade", "--report", sample().toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .containsPattern("dev +numbers +3 +66\\.7 +2 +0 +1")
                .containsPattern("dev +expressions +1 +0\\.0 +0 +1 +0")
                .containsPattern("dev +all +4 +50\\.0 +2 +1 +1")
                .containsPattern("heldout +expressions +1 +100\\.0 +1 +0 +0")
                .containsPattern("all +all +5 +60\\.0 +3 +1 +1")
                .contains("false positives: 1 of 5 cases (20.0%); 1 of 2 labelled not equal")
                .containsPattern("slowest case: t-\\d, \\d+\\.\\d ms");
    }

    @Test
    void aSplitLimitsTheReportAndDisagreementsAreListedWithTheirExtractedAnswers() throws Exception {
        Path json = dir.resolve("report.json");
        CliRunner.Result result = CliRunner.run("grade", "--report", sample().toString(), "--split", "dev",
                "--show-disagreements", "--report-json", json.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).doesNotContain("heldout").containsPattern("dev +all +4 +50\\.0")
                .contains("t-3 [dev, numbers] expected true, graded false (east:issue-16)")
                .contains("  prediction: \\boxed{6}")
                .contains("  extracted:  6  |  5")
                .contains("t-4 [dev, expressions] expected false, graded true")
                .doesNotContain("t-1 [");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("disagreements")).hasSize(2);
        assertThat(report.get("disagreements").get(0).get("id").asText()).isEqualTo("t-3");
        assertThat(report.get("disagreements").get(0).get("prediction_answer").asText()).isEqualTo("6");
        assertThat(report.get("rows").get(2).get("agreement_percent").asDouble()).isEqualTo(50.0);
    }

    @Test
    void everyBadCorpusLineIsNamedWithItsFileAndLineAndNoReportIsPrinted() throws Exception {
        Path good = corpus("good.jsonl", line("a-1", "1", "1", true, "numbers", "dev"));
        Path bad = corpus("bad.jsonl",
                line("a-1", "1", "1", true, "numbers", "dev"),
                "{\"id\": \"a-2\", \"prediction\": \"1\", \"gold\": \"1\", \"expected\": \"yes\", "
                        + "\"category\": \"numbers\", \"split\": \"dev\", \"source\": \"s\"}",
                line("a-3", "1", "1", true, "algebra", "dev"),
                line("a-4", "1", "1", true, "numbers", "test"),
                "{\"id\": \"a-5\", \"gold\": \"1\"",
                "{\"id\": \"a-6\", \"gold\": \"1\", \"expected\": true, \"category\": \"numbers\", \"split\": \"dev\"}");

        CliRunner.Result result = CliRunner.run("grade", "--report", good.toString(), bad.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).doesNotContain("agree%");
        assertThat(result.stderr())
                .contains(bad + ":1: id 'a-1' already used at " + good + ":1")
                .contains(bad + ":2: 'expected' must be true or false, got \"yes\"")
                .contains(bad + ":3: unknown category 'algebra'")
                .contains(bad + ":4: unknown split 'test'")
                .contains(bad + ":5: invalid JSON")
                .contains(bad + ":6: missing field 'prediction'");
    }

    @Test
    void reportOptionsWithoutReportAndAnUnknownSplitAreUsageErrors() throws Exception {
        assertThat(CliRunner.badUsage("grade", "--show-disagreements")).contains("need --report");
        assertThat(CliRunner.badUsage("grade", "--report", sample().toString(), "--split", "test"))
                .contains("--split: expected dev, heldout or all, got 'test'");
        assertThat(CliRunner.badUsage("grade", "--report", dir.resolve("nope.jsonl").toString()))
                .contains("--report: no such file");
    }

    @Test
    void theCommittedCorpusIsReadWhole() throws Exception {
        Path corpusDir = Path.of(System.getProperty("east.root", ".."), "core", "src", "test", "resources", "io",
                "east", "core", "answer", "corpus").normalize();
        List<String> files;
        try (var listing = Files.list(corpusDir)) {
            files = listing.map(Path::toString).filter(f -> f.endsWith(".jsonl")).sorted().toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("grade", "--split", "heldout", "--report"));
        args.addAll(files);

        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).containsPattern("heldout +all +1\\d\\d ");
    }
}
