package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.bench.data.SyntheticGenerations;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming and batch paths agree exactly: a reference-format file imported and weighed by the streams app
 * under fixed:C gives, task for task, the weights and choices that 'east weights' computes from the same file;
 * and an experiment under window:K beside it has mean weight 1 in every window. A third of the wrong responses are
 * unboxed, so the reference rules' R counts unboxed responses with the common wrong pred, and ties between wrong
 * answers are broken by the first boxed one rather than the first seen.
 */
class StreamsBatchAgreementIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final double C = 1.7;
    private static final int WINDOW = 16;

    @TempDir
    Path dir;

    @Test
    void streamingWeightsEqualBatchWeightsAndEveryWindowAveragesOne() throws Exception {
        Path file = dir.resolve("reference.jsonl");
        SyntheticGenerations.writeQwenEval(file, 400, 8, 5);
        unboxSomeWrongResponses(file);
        String bootstrap = KAFKA.bootstrapServers();

        CliRunner.Result imported = CliRunner.run("import", "--format", "qwen-eval", "--input", file.toString(),
                "--dataset", "agree", "--bootstrap", bootstrap);
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();

        Path batchOut = dir.resolve("batch.jsonl");
        CliRunner.Result batch = CliRunner.run("weights", "--input", file.toString(), "--format", "qwen-eval",
                "--dataset", "agree", "--rules", "reference", "--clustering", "exact", "--scope", "fixed:" + C,
                "--output", batchOut.toString());
        assertThat(batch.exitCode()).as(batch.stderr()).isZero();
        List<JsonNode> rows = GradeCommandTest.readJson(batchOut);
        Map<String, JsonNode> keptRows = rows.stream().filter(row -> row.get("kept").booleanValue())
                .collect(Collectors.toMap(row -> row.get("task_id").asText(), row -> row));
        assertThat(keptRows).hasSizeGreaterThan(50);
        Map<String, JsonNode> lines = new HashMap<>();
        for (JsonNode line : GradeCommandTest.readJson(file)) {
            lines.put("agree/" + line.get("idx").asText() + "@r0", line);
        }
        long unboxedRejected = keptRows.values().stream().filter(row -> !lines.get(row.get("task_id").asText())
                .get("code").get(row.get("rejected_index").intValue()).asText().contains("\\boxed")).count();
        assertThat(unboxedRejected).as("kept tasks whose rejected response is unboxed").isPositive();

        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (StreamsApp fixed = new StreamsApp(settings("agree-fixed", new Scope.Fixed(C)), client,
                dir.resolve("fixed-state"), "exactly_once_v2").start();
             StreamsApp window = new StreamsApp(settings("agree-window", new Scope.Window(WINDOW)), client,
                dir.resolve("window-state"), "exactly_once_v2").start()) {

            List<WeightedExample> streamed = SampleLogs.readAll(KAFKA.consumerProps("agree-" + System.nanoTime()),
                    "east.weighted.agree-fixed", EastSerdes.weightedExample().deserializer(), keptRows.size(),
                    Duration.ofMinutes(2));
            assertThat(streamed).hasSize(keptRows.size());
            for (WeightedExample example : streamed) {
                JsonNode row = keptRows.get(example.getTaskId());
                assertThat(row).as("batch kept %s", example.getTaskId()).isNotNull();
                // Bit for bit: both paths run the same core code on the same inputs.
                assertThat(example.getWeight()).isEqualTo(row.get("weight").doubleValue());
                assertThat(example.getEntropy()).isEqualTo(row.get("entropy").doubleValue());
                assertThat(example.getAccuracy()).isEqualTo(row.get("accuracy").doubleValue());
                assertThat(example.getRejectedShare()).isEqualTo(row.get("rejected_share").doubleValue());
                JsonNode code = lines.get(example.getTaskId()).get("code");
                assertThat(example.getChosen()).isEqualTo(code.get(row.get("chosen_index").intValue()).asText());
                assertThat(example.getRejected()).isEqualTo(code.get(row.get("rejected_index").intValue()).asText());
            }

            List<WeightStats> windows = SampleLogs.readAll(KAFKA.consumerProps("agree-w-" + System.nanoTime()),
                    "east.weight-stats.agree-window", EastSerdes.weightStats().deserializer(), 3,
                    Duration.ofMinutes(2));
            assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
            List<WeightedExample> windowed = SampleLogs.readAll(
                    KAFKA.consumerProps("agree-we-" + System.nanoTime()), "east.weighted.agree-window",
                    EastSerdes.weightedExample().deserializer(), windows.size() * WINDOW, Duration.ofMinutes(1));
            Map<String, List<WeightedExample>> byWindow = windowed.stream()
                    .collect(Collectors.groupingBy(WeightedExample::getScopeId));
            assertThat(byWindow).hasSizeGreaterThanOrEqualTo(windows.size());
            byWindow.forEach((scopeId, members) -> {
                assertThat(members).as(scopeId).hasSize(WINDOW);
                double mean = members.stream().mapToDouble(WeightedExample::getWeight).sum() / WINDOW;
                assertThat(mean).as("mean weight of %s", scopeId).isCloseTo(1.0, within(1e-12));
            });
            assertThat(windows).allSatisfy(stats ->
                    assertThat(stats.getWeightMean()).isCloseTo(1.0, within(1e-12)));
        }
    }

    /** Rewrites every third wrong response of each line to state its answer without a box. */
    private static void unboxSomeWrongResponses(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        int unboxed = 0;
        for (String text : Files.readAllLines(file)) {
            ObjectNode line = (ObjectNode) json.readTree(text);
            ArrayNode code = (ArrayNode) line.get("code");
            int wrong = 0;
            for (int i = 0; i < code.size(); i++) {
                if (!line.get("score").get(i).booleanValue() && wrong++ % 3 == 1) {
                    String pred = line.get("pred").get(i).asText();
                    code.set(i, code.get(i).asText().replace("\\boxed{" + pred + "}", pred));
                    unboxed++;
                }
            }
            lines.add(json.writeValueAsString(line));
        }
        assertThat(unboxed).isGreaterThan(100);
        Files.write(file, lines);
    }

    private static StreamsSettings settings(String experiment, Scope scope) {
        return new StreamsSettings(experiment, new WeightingSettings(WeightStrategy.ENTROPY, 1, scope,
                Clustering.EXACT, SelectionRules.REFERENCE, 0), Duration.ofMinutes(10), 2, Duration.ofHours(1), 64);
    }
}
