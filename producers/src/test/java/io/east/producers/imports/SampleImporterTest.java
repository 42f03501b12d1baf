package io.east.producers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.formats.InputFormat;
import io.east.formats.LineError;
import io.east.producers.testing.FailingProducer;
import io.east.producers.testing.MutableClock;
import io.east.producers.testing.QwenEvalLines;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImporterTest {

    private static final String TOPIC = "east.samples";

    @TempDir
    Path dir;

    private final FailingProducer<ReasoningSample> producer =
            new FailingProducer<>(EastSerdes.reasoningSample().serializer());
    private final SampleImporter importer =
            new SampleImporter(producer, TOPIC, new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));

    @Test
    void publishesEveryResponseOfTheGoodLinesAndReportsTheBadOnesWithTheirPlace() throws Exception {
        Path file = write("eval.jsonl",
                QwenEvalLines.line(0, "4", "4", "5", "4"),
                "{\"idx\": 1, \"gt\": \"2\", \"code\": [\"a\"], \"pred\": [\"2\", \"3\"], \"score\": [true]}",
                "",
                "{broken",
                QwenEvalLines.line(3, "7", "7", "7"),
                QwenEvalLines.line(0, "4", "4"));
        List<Long> progress = new ArrayList<>();

        ImportReport report = importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, null, null), progress::add);

        assertThat(report.lines()).isEqualTo(5);
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(report.samplesPublished()).isEqualTo(5);
        assertThat(report.ok()).isFalse();
        assertThat(report.notPublished()).isEmpty();
        assertThat(report.malformed()).extracting(LineError::line).containsExactly(2L, 4L, 6L);
        assertThat(report.malformed().get(0).toString()).isEqualTo(file + ":2: fields 'code', 'pred' and 'score' "
                + "must have the same length, got 1, 2 and 1");
        assertThat(report.malformed().get(2).reason()).isEqualTo("task import/0@r0 has n=1 but an earlier line said n=3");
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("import/0@r0", "import/0@r0", "import/0@r0", "import/3@r0", "import/3@r0");
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.value().getTaskId()).isEqualTo(record.key());
        });
        assertThat(producer.history()).extracting(record -> record.value().getSampleIndex())
                .containsExactly(0, 1, 2, 0, 1);
        assertThat(producer.history()).extracting(record -> record.value().getCorrect())
                .containsExactly(true, false, true, true, true);
    }

    @Test
    void theDatasetAndRoundOfQwenEvalTasksCanBeChosen() throws Exception {
        Path file = write("eval.jsonl", QwenEvalLines.line(9, "1", "1", "2"));
        importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, "gsm8k", 4), count -> { });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("gsm8k/9@r4");
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.value().getDataset()).isEqualTo("gsm8k");
            assertThat(record.value().getRound()).isEqualTo(4);
        });
    }

    @Test
    void importingAgainPublishesTheSameKeysAndIndexes() throws Exception {
        Path file = write("eval.jsonl", QwenEvalLines.line(0, "1", "1", "2"), QwenEvalLines.line(1, "3", "3"));
        ImportSettings settings = new ImportSettings(InputFormat.QWEN_EVAL, file, "again", 1);
        importer.run(settings, count -> { });
        List<String> first = producer.history().stream()
                .map(record -> record.key() + "#" + record.value().getSampleIndex()).toList();
        producer.clear();
        importer.run(settings, count -> { });
        assertThat(producer.history()).extracting(record -> record.key() + "#" + record.value().getSampleIndex())
                .containsExactlyElementsOf(first).containsExactly("again/0@r1#0", "again/0@r1#1", "again/1@r1#0");
    }

    @Test
    void samplesKeepTheirOwnTaskNamingUnlessADatasetOrRoundIsGiven() throws Exception {
        Path file = write("samples.jsonl",
                sample("gsm8k/train-3@r2", "train-3", "gsm8k", 2, 0),
                sample("gsm8k/train-3@r2", "train-3", "gsm8k", 2, 1));

        importer.run(new ImportSettings(InputFormat.SAMPLES, file, null, null), count -> { });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("gsm8k/train-3@r2");
        assertThat(producer.history()).extracting(record -> record.value().getGenerator()).containsOnly("djl");

        producer.clear();
        importer.run(new ImportSettings(InputFormat.SAMPLES, file, null, 5), count -> { });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("gsm8k/train-3@r5");
        assertThat(producer.history()).extracting(record -> record.value().getRound()).containsOnly(5);

        producer.clear();
        importer.run(new ImportSettings(InputFormat.SAMPLES, file, "replay", null), count -> { });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("replay/train-3@r2");
        assertThat(producer.history()).extracting(record -> record.value().getDataset()).containsOnly("replay");
    }

    @Test
    void aRepeatedSampleIndexIsAnErrorOnTheLaterLine() throws Exception {
        Path file = write("samples.jsonl",
                sample("t@r0", "q", "d", 0, 1),
                sample("t@r0", "q", "d", 0, 1));
        ImportReport report = importer.run(new ImportSettings(InputFormat.SAMPLES, file, null, null), count -> { });
        assertThat(report.samplesPublished()).isEqualTo(1);
        assertThat(report.malformed()).singleElement().asString()
                .isEqualTo(file + ":2: task t@r0 repeats sample_index 1 of line 1");
    }

    @Test
    void aSampleThatCannotBeSentIsAnErrorOfItsLineAndTheRestIsStillPublished() throws Exception {
        producer.failKey("import/1@r0", new RecordTooLargeException("record too large"));
        Path file = write("eval.jsonl", QwenEvalLines.line(0, "1", "1"), QwenEvalLines.line(1, "1", "1", "2"),
                QwenEvalLines.line(2, "1", "1"));

        ImportReport report = importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, null, null), count -> { });

        assertThat(report.samplesPublished()).isEqualTo(2);
        assertThat(report.abortedBy()).isNull();
        assertThat(report.ok()).isFalse();
        assertThat(report.notPublished()).singleElement().asString().isEqualTo(file + ":2: not published: "
                + "sample_index 0, 1: org.apache.kafka.common.errors.RecordTooLargeException: record too large");
    }

    @Test
    void aFailureThatWouldRepeatForEverySampleStopsTheImport() throws Exception {
        producer.failKey("import/1@r0", new TopicAuthorizationException("not allowed"));
        Path file = write("eval.jsonl", QwenEvalLines.line(0, "1", "1"), QwenEvalLines.line(1, "1", "1"),
                QwenEvalLines.line(2, "1", "1"), QwenEvalLines.line(3, "1", "1"));

        ImportReport report = importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, null, null), count -> { });

        assertThat(report.samplesPublished()).isEqualTo(1);
        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.abortedBy()).startsWith("stopped at line 3 after a failed send: ")
                .contains("TopicAuthorizationException");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("import/0@r0");
    }

    @Test
    void settingsRefuseDatasetNamesThatWouldBreakTaskIds() {
        assertThatThrownBy(() -> new ImportSettings(InputFormat.QWEN_EVAL, dir, "a/b", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dataset must match");
        assertThatThrownBy(() -> new ImportSettings(InputFormat.QWEN_EVAL, dir, "x@r1", null))
                .hasMessageContaining("--dataset must match");
        assertThatThrownBy(() -> new ImportSettings(InputFormat.QWEN_EVAL, dir, null, -1))
                .hasMessageContaining("--round must be >= 0");
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static String sample(String taskId, String questionId, String dataset, int round, int index) {
        return "{\"task_id\": \"" + taskId + "\", \"question_id\": \"" + questionId + "\", \"dataset\": \"" + dataset
                + "\", \"round\": " + round + ", \"sample_index\": " + index + ", \"n\": 2, \"response\": \"r\", "
                + "\"predicted_answer\": \"1\", \"gold_answer\": \"1\", \"correct\": true, \"generator\": \"djl\"}";
    }
}
