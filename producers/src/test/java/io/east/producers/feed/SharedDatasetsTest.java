package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.east.core.answer.AnswerExtractor;
import io.east.core.answer.AnswerGrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The readers on the real GSM8K and MATH files, when ../shared/data is there (it is not copied into the project). */
class SharedDatasetsTest {

    private static final Path DATA = Path.of(System.getProperty("east.root", "."), "..", "shared", "data")
            .normalize();

    @BeforeAll
    static void needsTheSharedData() {
        assumeTrue(Files.isDirectory(DATA.resolve("gsm8k")) && Files.isDirectory(DATA.resolve("math")),
                "skipped: the shared datasets are not at " + DATA + " (set -Deast.root to the repository root)");
    }

    @Test
    void everyGsm8kLineIsAQuestionWhoseGoldTheSolutionGradesAs() throws Exception {
        Path file = DATA.resolve("gsm8k/train.jsonl");
        LoadedQuestions train = DatasetLoader.file(DatasetKind.GSM8K, file);
        assertThat(train.errors()).isEmpty();
        assertThat(train.questions()).hasSize(7473);
        assertThat(train.questions().get(0).questionId()).isEqualTo("train-1");
        assertThat(train.questions().get(0).gold()).isEqualTo("72");
        assertThat(train.questions().get(16).questionId()).isEqualTo("train-17");
        assertThat(train.questions()).allSatisfy(q -> assertThat(q.gold()).matches("-?\\d+"));
        // The answer extractor of the grader reads the same final answer from each full solution.
        Map<String, String> solutions = new HashMap<>();
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            solutions.put("train-" + (i + 1), lines.get(i));
        }
        for (FeedQuestion question : train.questions().subList(0, 500)) {
            String solution = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(solutions.get(question.questionId())).get("answer").asText();
            assertThat(AnswerGrader.equivalent(AnswerExtractor.extract(solution).orElseThrow(), question.gold()))
                    .as(question.questionId()).isTrue();
        }
        LoadedQuestions test = DatasetLoader.load(new DatasetSpec(DatasetKind.GSM8K, DATA.resolve("gsm8k"), 0),
                "test", 0);
        assertThat(test.errors()).isEmpty();
        assertThat(test.questions()).hasSize(1319);
        assertThat(test.questions().get(0).questionId()).isEqualTo("test-1");
    }

    @Test
    void mathTestAndMath500AreReadWithTheirIdsAndLevels() throws Exception {
        LoadedQuestions test = DatasetLoader.file(DatasetKind.MATH, DATA.resolve("math/test.jsonl"));
        assertThat(test.errors()).isEmpty();
        assertThat(test.questions()).hasSize(5000);
        assertThat(test.questions().get(0)).satisfies(q -> {
            assertThat(q.questionId()).isEqualTo("test/algebra/1.json");
            assertThat(q.gold()).isEqualTo("2");
            assertThat(q.level()).isEqualTo("3");
        });
        assertThat(test.questions()).extracting(FeedQuestion::level).containsOnly("1", "2", "3", "4", "5");

        LoadedQuestions math500 = DatasetLoader.load(new DatasetSpec(DatasetKind.MATH, DATA.resolve("math"), 0),
                "math500_test", 0);
        assertThat(math500.errors()).isEmpty();
        assertThat(math500.questions()).hasSize(500);
        assertThat(math500.questions()).extracting(FeedQuestion::level).containsOnly("1", "2", "3", "4", "5");
        // MATH-500 is a subset of MATH test: same ids, same gold answers.
        Map<String, String> goldOfTest = new HashMap<>();
        test.questions().forEach(q -> goldOfTest.put(q.questionId(), q.gold()));
        assertThat(math500.questions()).allSatisfy(q -> assertThat(goldOfTest.get(q.questionId())).isEqualTo(q.gold()));
    }

    /** Two MATH training solutions box nothing (an upstream defect): without a gold answer they cannot be asked. */
    @Test
    void mathTrainReportsTheTwoProblemsWithoutAGoldAnswer() throws Exception {
        Path file = DATA.resolve("math/train.jsonl");
        LoadedQuestions train = DatasetLoader.file(DatasetKind.MATH, file);
        assertThat(train.questions()).hasSize(7498);
        assertThat(train.errors()).hasSize(2).allSatisfy(error -> {
            assertThat(error.file()).isEqualTo(file);
            assertThat(error.reason()).contains("no gold answer");
        });
        assertThat(train.questions()).filteredOn(q -> q.level() == null).hasSize(2);
    }
}
