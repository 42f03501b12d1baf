package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    @Test
    void aHeaderTheBaseModelAndOneRowPerRunWithParseableNumbers() {
        AblationResults results = TestResults.results(4);

        List<List<String>> rows = parse(ResultsCsv.render(results));

        assertThat(rows).hasSize(2 + 4);
        assertThat(rows.get(0)).isEqualTo(ResultsCsv.HEADER);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSameSizeAs(ResultsCsv.HEADER));
        List<String> base = rows.get(1);
        assertThat(base.get(col("config"))).isEqualTo("base");
        assertThat(Integer.parseInt(base.get(col("questions")))).isEqualTo(5);
        assertThat(Integer.parseInt(base.get(col("correct")))).isEqualTo(1);
        assertThat(Double.parseDouble(base.get(col("pass_at_1")))).isEqualTo(0.2);
        assertThat(Double.parseDouble(base.get(col("eval_seconds")))).isEqualTo(1.5);

        List<List<String>> runs = rows.subList(2, rows.size());
        assertThat(runs).extracting(r -> r.get(col("config")) + "/" + r.get(col("seed")))
                .containsExactly("uniform/0", "entropy:a=1/0", "uniform/1", "entropy:a=1/1");
        for (int i = 0; i < runs.size(); i++) {
            List<String> row = runs.get(i);
            RunResult run = results.runs().get(i);
            assertThat(row.get(col("strategy"))).isEqualTo(run.config().strategy().id());
            assertThat(Double.parseDouble(row.get(col("alpha")))).isEqualTo(run.config().alpha());
            assertThat(row.get(col("scope"))).isEqualTo("dataset");
            assertThat(Integer.parseInt(row.get(col("questions")))).isEqualTo(5);
            assertThat(Integer.parseInt(row.get(col("correct")))).isEqualTo(run.eval().passAt1Correct());
            assertThat(Double.parseDouble(row.get(col("pass_at_1")))).isCloseTo(run.eval().passAt1(), within(1e-6));
            assertThat(Double.parseDouble(row.get(col("ci_low"))))
                    .isCloseTo(run.eval().passAt1Interval().low(), within(1e-6))
                    .isLessThan(Double.parseDouble(row.get(col("pass_at_1"))));
            assertThat(Double.parseDouble(row.get(col("ci_high"))))
                    .isCloseTo(run.eval().passAt1Interval().high(), within(1e-6));
            assertThat(Integer.parseInt(row.get(col("examples")))).isEqualTo(4);
            assertThat(Double.parseDouble(row.get(col("mean_weight")))).isCloseTo(1.0, within(1e-6));
            assertThat(Long.parseLong(row.get(col("train_steps")))).isEqualTo(1);
            assertThat(Double.parseDouble(row.get(col("final_loss")))).isEqualTo(3.25);
            assertThat(Double.parseDouble(row.get(col("train_seconds")))).isEqualTo(2.3);
            assertThat(Double.parseDouble(row.get(col("eval_seconds")))).isEqualTo(0.7);
        }
        assertThat(Double.parseDouble(runs.get(0).get(col("weight_sd")))).isZero();
        assertThat(Double.parseDouble(runs.get(1).get(col("weight_min")))).isCloseTo(0.4, within(1e-6));
        assertThat(Double.parseDouble(runs.get(1).get(col("weight_max")))).isCloseTo(1.6, within(1e-6));
        assertThat(runs.get(0).get(col("first_loss"))).as("NaN is an empty field").isEmpty();
        assertThat(Double.parseDouble(runs.get(1).get(col("first_loss")))).isEqualTo(4.5);
    }

    @Test
    void partialResultsHaveOnlyTheRunsDone() {
        assertThat(parse(ResultsCsv.render(TestResults.results(0)))).hasSize(2);
        assertThat(parse(ResultsCsv.render(TestResults.results(3)))).hasSize(5);
    }

    @Test
    void fieldsAreQuotedPerRfc4180() {
        assertThat(ResultsCsv.field("entropy:a=1")).isEqualTo("entropy:a=1");
        assertThat(ResultsCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(parse(ResultsCsv.field("x,\"y\"\nz") + "," + ResultsCsv.field("w") + "\n"))
                .containsExactly(List.of("x,\"y\"\nz", "w"));
    }

    private static int col(String name) {
        return ResultsCsv.HEADER.indexOf(name);
    }

    /** A strict RFC 4180 reader: every record ends with a newline. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(row).as("the last record ends with a newline").isEmpty();
        assertThat(field).isEmpty();
        return rows;
    }
}
