package io.east.producers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.formats.InputFormat;
import io.east.producers.testing.QwenEvalLines;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SampleImporterIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir
    Path dir;

    @Test
    void importsEveryGoodResponseKeyedByTaskAndCountsTheMalformedLine() throws Exception {
        Path file = Files.writeString(dir.resolve("eval.jsonl"), String.join("\n",
                QwenEvalLines.line(0, "4", "4", "5", "4", "4"),
                "{\"idx\": 1, \"gt\": \"2\", \"code\": [], \"pred\": [], \"score\": []}",
                QwenEvalLines.line(2, "9", "9", "8"),
                QwenEvalLines.line(3, "1", "1", "1", "2")) + "\n");

        ImportReport report = importFile(file, "it-import");

        assertThat(report.lines()).isEqualTo(4);
        assertThat(report.samplesPublished()).isEqualTo(9);
        assertThat(report.malformed()).singleElement().asString()
                .isEqualTo(file + ":2: field 'code' holds no responses");
        assertThat(report.ok()).isFalse();

        List<ConsumerRecord<String, ReasoningSample>> records = readSamples("it-import", 9);
        assertThat(records).hasSize(9);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.value().getTaskId());
            assertThat(record.value().getGenerator()).isEqualTo("import:qwen-eval");
        });
        Map<String, List<ConsumerRecord<String, ReasoningSample>>> byTask = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(byTask).containsOnlyKeys("it-import/0@r3", "it-import/2@r3", "it-import/3@r3");
        byTask.values().forEach(task -> assertThat(task).extracting(ConsumerRecord::partition).containsOnly(
                task.get(0).partition()));
        assertThat(byTask.get("it-import/0@r3")).extracting(r -> r.value().getSampleIndex())
                .containsExactly(0, 1, 2, 3);
        ReasoningSample wrong = byTask.get("it-import/0@r3").get(1).value();
        assertThat(wrong.getPredictedAnswer()).isEqualTo("5");
        assertThat(wrong.getCorrect()).isFalse();
        assertThat(wrong.getN()).isEqualTo(4);
        assertThat(wrong.getGoldAnswer()).isEqualTo("4");
        assertThat(wrong.getQuestion()).isEqualTo("Question 0?");
        assertThat(wrong.getRound()).isEqualTo(3);
    }

    @Test
    void reimportingGivesTheSameKeysAndSampleIndexes() throws Exception {
        Path file = Files.writeString(dir.resolve("eval.jsonl"), String.join("\n",
                QwenEvalLines.line(5, "3", "3", "2"), QwenEvalLines.line(6, "1", "1")) + "\n");

        assertThat(importFile(file, "it-again").ok()).isTrue();
        assertThat(importFile(file, "it-again").ok()).isTrue();

        List<ConsumerRecord<String, ReasoningSample>> records = readSamples("it-again", 6);
        assertThat(records).hasSize(6);
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                record -> record.key() + "#" + record.value().getSampleIndex() + "#" + record.partition(),
                Collectors.counting()));
        assertThat(copies).containsOnlyKeys("it-again/5@r3#0#" + partitionOf(records, "it-again/5@r3"),
                "it-again/5@r3#1#" + partitionOf(records, "it-again/5@r3"),
                "it-again/6@r3#0#" + partitionOf(records, "it-again/6@r3"));
        assertThat(copies.values()).containsOnly(2L);
    }

    private static ImportReport importFile(Path file, String dataset) throws Exception {
        try (SampleImporter importer = SampleImporter.connect(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            return importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, dataset, 3), count -> { });
        }
    }

    private static List<ConsumerRecord<String, ReasoningSample>> readSamples(String dataset, int expected) {
        try (TopicReader<ReasoningSample> reader = new TopicReader<>(KAFKA, EastTopics.SAMPLES.name(),
                EastSerdes.reasoningSample().deserializer(), record -> record.value().getDataset().equals(dataset))) {
            reader.readUntil(expected, Duration.ofSeconds(30));
            // Whatever else arrived in the same fetches is read too: nothing more is expected.
            return reader.poll();
        }
    }

    private static int partitionOf(List<ConsumerRecord<String, ReasoningSample>> records, String key) {
        return records.stream().filter(record -> record.key().equals(key)).findFirst().orElseThrow().partition();
    }
}
