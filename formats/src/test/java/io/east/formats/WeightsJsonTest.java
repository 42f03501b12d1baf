package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.core.batch.BatchWeighting;
import io.east.core.batch.QuestionGroup;
import io.east.core.batch.WeightRow;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.DiscardReason;
import io.east.core.group.GroupAnalysis;
import io.east.core.group.SampleAnswer;
import io.east.core.group.SelectionRules;
import io.east.core.weight.NormalisedWeight;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The weights lines written field by field are, byte for byte, the lines the map-based writer wrote. */
class WeightsJsonTest {

    /** How each line was made before: a map, serialised by the output's mapper. */
    private static Map<String, Object> asMap(WeightRow row) {
        GroupAnalysis analysis = row.analysis();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("question_id", row.group().questionId());
        json.put("task_id", row.group().taskId());
        json.put("kept", analysis.kept());
        json.put("discard_reason", analysis.discardReason().map(DiscardReason::code).orElse(null));
        json.put("n", analysis.received());
        json.put("n_expected", row.group().expected());
        json.put("entropy", analysis.entropy());
        json.put("accuracy", analysis.accuracy());
        json.put("rejected_share", analysis.rejectedShare());
        json.put("signal", row.signal());
        json.put("weight", row.weight().map(NormalisedWeight::weight).orElse(null));
        json.put("scope_id", row.weight().map(NormalisedWeight::scopeId).orElse(null));
        json.put("chosen_index", analysis.chosenIndex().orElse(null));
        json.put("rejected_index", analysis.rejectedIndex().orElse(null));
        return json;
    }

    @Test
    void everyRowIsWrittenAsTheMapWasUnderEverySetting() throws Exception {
        List<QuestionGroup> groups = groups(new SplittableRandom(9), 400);
        for (WeightStrategy strategy : WeightStrategy.values()) {
            for (Clustering clustering : Clustering.values()) {
                for (String scope : List.of("dataset", "window:7", "ema:0.9", "fixed:2")) {
                    for (SelectionRules rules : List.of(SelectionRules.STANDARD, SelectionRules.REFERENCE)) {
                        WeightingSettings settings = new WeightingSettings(strategy, 0.7, Scope.parse(scope),
                                clustering, rules, 5);
                        assertSameLines(BatchWeighting.run(groups, settings));
                    }
                }
            }
        }
    }

    @Test
    void linesWrittenEitherWayKeepTheirOrder() throws Exception {
        List<WeightRow> rows = BatchWeighting.run(groups(new SplittableRandom(1), 3), new WeightingSettings(
                WeightStrategy.ENTROPY, 1, Scope.parse("dataset"), Clustering.EXACT, SelectionRules.STANDARD, 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonOutput out = JsonOutput.to(bytes)) {
            out.writeLine(json -> WeightsJson.write(json, rows.get(0)));
            out.write(asMap(rows.get(1)));
            out.writeLine(json -> WeightsJson.write(json, rows.get(2)));
            out.writeRaw("{}");
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.get(i)).isEqualTo(JsonOutput.MAPPER.writeValueAsString(asMap(rows.get(i))));
        }
        assertThat(lines.get(3)).isEqualTo("{}");
    }

    private static void assertSameLines(List<WeightRow> rows) throws Exception {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (JsonOutput out = JsonOutput.to(streamed)) {
            rows.forEach(row -> out.writeLine(json -> WeightsJson.write(json, row)));
        }
        StringBuilder mapped = new StringBuilder();
        for (WeightRow row : rows) {
            mapped.append(JsonOutput.MAPPER.writeValueAsString(asMap(row))).append('\n');
        }
        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(mapped.toString());
    }

    /** Groups with every outcome: kept, all correct, none correct, unboxed, missing answers, short of n. */
    private static List<QuestionGroup> groups(SplittableRandom random, int count) {
        List<QuestionGroup> groups = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            int n = 1 + random.nextInt(8);
            int received = random.nextInt(5) == 0 ? Math.max(1, n - 2) : n;
            List<SampleAnswer> answers = new ArrayList<>();
            for (int i = 0; i < received; i++) {
                int answer = random.nextInt(4);
                answers.add(new SampleAnswer(i, random.nextInt(10) == 0 ? null : answer == 3 ? "0.5" : "" + answer,
                        answer == 1 || random.nextInt(20) == 0, random.nextInt(6) != 0));
            }
            groups.add(new QuestionGroup("d/q" + q + "\"\u00e9@r0", "q" + q, "1", n, answers));
        }
        return groups;
    }
}
