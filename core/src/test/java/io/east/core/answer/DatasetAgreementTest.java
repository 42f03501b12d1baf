package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs extraction and grading over the real datasets in {@code ../shared/data} (relative to the repository root
 * that surefire passes as {@code east.root}). Skipped, with a message, when the data is not there.
 */
class DatasetAgreementTest {

    private static final Path DATA = Path.of(System.getProperty("east.root", "."), "..", "shared", "data");

    private static List<Map<String, String>> load(String relative) throws IOException {
        Path file = DATA.resolve(relative).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "dataset not found at " + file.toAbsolutePath() + " (set -Deast.root to the repository root); skipping");
        return FlatJson.readLines(file);
    }

    /** The worked solutions of a GSM8K split, which has {@code size} rows. */
    private static List<String> gsm8kSolutions(String split, int size) throws IOException {
        List<Map<String, String>> rows = load("gsm8k/" + split + ".jsonl");
        assertThat(rows).hasSize(size);
        return rows.stream().map(row -> row.get("answer")).toList();
    }

    private static String hashValue(String solution) {
        String lastLine = solution.substring(solution.lastIndexOf('\n') + 1);
        assertThat(lastLine).startsWith("####");
        return lastLine.substring(4).strip();
    }

    @Test
    void gsm8kTrainFinalAnswersAreExtractedAndSelfEquivalent() throws IOException {
        for (String solution : gsm8kSolutions("train", 7473)) {
            String expected = hashValue(solution);
            assertThat(AnswerExtractor.extract(solution)).as(solution).contains(expected);
            assertThat(AnswerGrader.equivalent(expected, expected)).as(expected).isTrue();
            // The same number without thousands separators, and as a boxed model answer.
            String plain = expected.replace(",", "");
            assertThat(AnswerGrader.equivalent(plain, expected)).as(expected).isTrue();
            assertThat(AnswerGrader.grade("So the total is \\boxed{" + plain + "}.", solution).equivalent())
                    .as(expected).isTrue();
            // Off by one is wrong, however large the number.
            String offByOne = String.valueOf(Long.parseLong(plain) + 1);
            assertThat(AnswerGrader.equivalent(offByOne, expected)).as(expected).isFalse();
        }
    }

    @Test
    void gsm8kTestSolutionsGradeAgainstTheirOwnFinalAnswer() throws IOException {
        for (String solution : gsm8kSolutions("test", 1319)) {
            AnswerGrader.Grade grade = AnswerGrader.grade("The answer is " + hashValue(solution) + ".", solution);
            assertThat(grade.equivalent()).as(solution).isTrue();
            assertThat(grade.goldAnswer()).isEqualTo(hashValue(solution));
        }
    }

    @Test
    void mathTestLastBoxedOfSolutionIsEquivalentToAnswerField() throws IOException {
        List<Map<String, String>> rows = load("math/test.jsonl");
        assertThat(rows).hasSize(5000);
        int agree = 0;
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String solution = row.get("solution");
            String answer = row.get("answer");
            AnswerGrader.Grade grade = AnswerGrader.grade(solution, answer);
            if (grade.equivalent() && answer.strip().equals(grade.predictionAnswer())) {
                agree++;
            } else if (failures.size() < 10) {
                failures.add(row.get("unique_id") + ": " + grade);
            }
        }
        double rate = agree / (double) rows.size();
        System.out.printf("MATH test: last \\boxed of solution vs answer field: %d/%d = %.2f%%%n",
                agree, rows.size(), 100 * rate);
        failures.forEach(f -> System.out.println("  failure " + f));
        assertThat(rate).isGreaterThanOrEqualTo(0.99);
    }

    /**
     * The same MATH answers rewritten the way models write them ({@code $...$}, {@code \dfrac}, {@code \left(},
     * spaces) must still be equivalent, and the numeric ones must also match their decimal value.
     */
    @Test
    void mathTestAnswersSurviveReformatting() throws IOException {
        List<Map<String, String>> rows = load("math/test.jsonl");
        int agree = 0;
        int numeric = 0;
        int numericAgree = 0;
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String answer = row.get("answer");
            String variant = "$" + answer.replace("\\frac", "\\dfrac").replace("(", "\\left(").replace(")", "\\right)")
                    .replaceAll(",(?!\\\\!|\\d{3}(?!\\d))", ", ") + "$.";
            if (AnswerGrader.equivalent(variant, answer)) {
                agree++;
            } else if (failures.size() < 10) {
                failures.add(answer + "  vs  " + variant);
            }
            if (ParsedAnswer.parse(answer).value() instanceof AnswerValue.Num n && Double.isFinite(n.value())) {
                numeric++;
                if (AnswerGrader.equivalent(Double.toString(n.value()), answer)) {
                    numericAgree++;
                }
            }
        }
        double rate = agree / (double) rows.size();
        System.out.printf("MATH test: reformatted answer equivalent: %.2f%%; numeric answers %d, decimal agrees %d%n",
                100 * rate, numeric, numericAgree);
        failures.forEach(f -> System.out.println("  failure " + f));
        assertThat(rate).isGreaterThanOrEqualTo(0.99);
        assertThat(numeric).isGreaterThan(3000);
        assertThat(numericAgree).isEqualTo(numeric);
    }

    /**
     * False positives: neighbouring problems have different answers, so equivalence between them must be as rare as
     * genuinely equal values. Any pair judged equivalent must at least agree numerically when both are numbers.
     */
    @Test
    void mathTestAnswersOfDifferentProblemsAreRarelyEquivalent() throws IOException {
        List<Map<String, String>> rows = load("math/test.jsonl");
        int equivalentPairs = 0;
        int differentText = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i + 1 < rows.size(); i++) {
            String a = rows.get(i).get("answer");
            String b = rows.get(i + 1).get("answer");
            ParsedAnswer pa = ParsedAnswer.parse(a);
            ParsedAnswer pb = ParsedAnswer.parse(b);
            if (pa.equivalentTo(pb)) {
                equivalentPairs++;
                if (!pa.normalized().equals(pb.normalized())) {
                    differentText++;
                    if (examples.size() < 10) {
                        examples.add(a + "  ==  " + b);
                    }
                    if (pa.value() instanceof AnswerValue.Num x && pb.value() instanceof AnswerValue.Num y) {
                        assertThat(Math.abs(x.value() - y.value())).as(a + " vs " + b)
                                .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(y.value())));
                    }
                }
            }
        }
        System.out.printf("MATH test: %d neighbouring pairs equivalent, %d of them with different text%n",
                equivalentPairs, differentText);
        examples.forEach(e -> System.out.println("  " + e));
        assertThat(differentText).isLessThan(25);
        assertThat(equivalentPairs).isLessThan(rows.size() / 10);
    }

    @Test
    void everyMathAnswerParsesQuicklyAndIsSelfEquivalent() throws IOException {
        List<String> answers = new ArrayList<>();
        for (String split : List.of("math/train.jsonl", "math/test.jsonl")) {
            for (Map<String, String> row : load(split)) {
                answers.add(row.get("answer"));
            }
        }
        long start = System.nanoTime();
        for (String answer : answers) {
            ParsedAnswer p = ParsedAnswer.parse(answer);
            assertThat(p.equivalentTo(p)).as(answer).isEqualTo(!p.normalized().isEmpty());
            assertThat(AnswerNormalizer.normalize(p.normalized())).as(answer).isEqualTo(p.normalized());
        }
        double micros = (System.nanoTime() - start) / 1e3 / answers.size();
        System.out.printf("MATH train+test: %d answers, %.1f us per parse+normalize+compare (cold JVM)%n",
                answers.size(), micros);
        assertThat(micros).isLessThan(2_000);
    }
}
