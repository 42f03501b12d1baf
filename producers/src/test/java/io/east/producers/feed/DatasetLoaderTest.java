package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void gsm8kQuestionsAreNamedByFileAndLineAndBadLinesReportedWithTheirPlace() throws Exception {
        Path file = Files.writeString(dir.resolve("train.jsonl"), String.join("\n",
                "{\"question\": \"Q1\", \"answer\": \"1 + 1 = 2\\n#### 2\"}",
                "",
                "{\"question\": \"Q3\", \"answer\": \"no final line\"}",
                "not json",
                "{\"question\": \"Q5\", \"answer\": \"#### 1,234\"}") + "\n");

        LoadedQuestions loaded = DatasetLoader.file(DatasetKind.GSM8K, file);

        assertThat(loaded.questions()).containsExactly(
                new FeedQuestion("train-1", "Q1", "2", null),
                new FeedQuestion("train-5", "Q5", "1234", null));
        assertThat(loaded.lines()).isEqualTo(4);
        assertThat(loaded.errors()).extracting(Object::toString).satisfiesExactly(
                error -> assertThat(error).isEqualTo(file + ":3: field 'answer' has no '#### N' final answer line"),
                error -> assertThat(error).startsWith(file + ":4: invalid JSON"));
    }

    @Test
    void mathQuestionsKeepTheirUniqueIdAndARepeatedIdIsAnErrorOnTheLaterLine() throws Exception {
        Path file = Files.writeString(dir.resolve("test.jsonl"), String.join("\n",
                "{\"problem\": \"P1\", \"answer\": \"1\", \"level\": \"Level 2\", \"unique_id\": \"test/a/1.json\"}",
                "{\"problem\": \"P2\", \"solution\": \"$\\\\boxed{7}$\"}",
                "{\"problem\": \"P3\", \"answer\": \"3\", \"unique_id\": \"test/a/1.json\"}"));

        LoadedQuestions loaded = DatasetLoader.file(DatasetKind.MATH, file);

        assertThat(loaded.questions()).containsExactly(
                new FeedQuestion("test/a/1.json", "P1", "1", "2"),
                new FeedQuestion("test-2", "P2", "7", null));
        assertThat(loaded.errors()).extracting(Object::toString)
                .containsExactly(file + ":3: question id test/a/1.json repeats line 1");
    }

    @Test
    void aDirectoryIsReadThroughItsSplitFiles() throws Exception {
        Files.writeString(dir.resolve("train.jsonl"), "{\"question\": \"T\", \"answer\": \"#### 1\"}\n");
        Files.writeString(dir.resolve("test.jsonl"), "{\"question\": \"E\", \"answer\": \"#### 2\"}\n");
        DatasetSpec spec = new DatasetSpec(DatasetKind.GSM8K, dir, 0);

        assertThat(DatasetLoader.load(spec, null, 0).questions()).extracting(FeedQuestion::questionId)
                .containsExactly("train-1");
        assertThat(DatasetLoader.load(spec, "test", 0).questions()).extracting(FeedQuestion::questionId)
                .containsExactly("test-1");
        assertThatThrownBy(() -> DatasetLoader.resolve(spec, "dev")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gsm8k: no such file: " + dir.resolve("dev.jsonl"));
        assertThatThrownBy(() -> DatasetLoader.resolve(spec, "../train")).hasMessageContaining("--split must be");
    }

    @Test
    void aFileIsOneSplitAlreadyAndAMissingFileIsNamed() {
        DatasetSpec file = new DatasetSpec(DatasetKind.MATH, dir.resolve("x.jsonl"), 0);
        assertThatThrownBy(() -> DatasetLoader.resolve(file, null)).hasMessage("math: no such file: " + file.path());
        assertThatThrownBy(() -> DatasetLoader.resolve(file, "test")).hasMessageContaining("is a file");
    }

    @Test
    void syntheticQuestionsCarryTheirLevelAndNumericGold() throws Exception {
        LoadedQuestions loaded = DatasetLoader.load(new DatasetSpec(DatasetKind.SYNTHETIC, null, 3), "test", 8);
        assertThat(loaded.questions()).hasSize(8);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.questions()).extracting(FeedQuestion::level)
                .containsExactly("1", "2", "3", "4", "1", "2", "3", "4");
        assertThat(loaded.questions().get(0).questionId()).isEqualTo("s3-test-0");
        assertThat(loaded.questions()).allSatisfy(q -> assertThat(q.gold()).matches("\\d+"));
    }

    @Test
    void fileStemsDropTheJsonExtensionOnly() {
        assertThat(DatasetLoader.stem(Path.of("/d/math500_test.jsonl"))).isEqualTo("math500_test");
        assertThat(DatasetLoader.stem(Path.of("train.v2.jsonl"))).isEqualTo("train.v2");
        assertThat(DatasetLoader.stem(Path.of("questions"))).isEqualTo("questions");
        assertThat(List.of(DatasetLoader.stem(Path.of("a.json")))).containsExactly("a");
    }
}
