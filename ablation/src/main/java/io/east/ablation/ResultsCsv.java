package io.east.ablation;

import io.east.eval.EvalReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * results.csv: one row per (config, seed) run, after a first row for the base model. RFC 4180: fields holding a
 * comma, quote or line break are quoted, quotes doubled.
 */
final class ResultsCsv {

    static final List<String> HEADER = List.of("config", "strategy", "alpha", "scope", "seed", "questions",
            "correct", "pass_at_1", "ci_low", "ci_high", "examples", "mean_weight", "weight_sd", "weight_min",
            "weight_max", "train_steps", "first_loss", "final_loss", "train_seconds", "eval_seconds");

    private ResultsCsv() {
    }

    static String render(AblationResults results) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        EvalReport base = results.base();
        row(out, List.of("base", "", "", "", "", Integer.toString(base.questions()),
                Integer.toString(base.passAt1Correct()), number(base.passAt1()), number(base.passAt1Interval().low()),
                number(base.passAt1Interval().high()), "0", "", "", "", "", "0", "", "",
                "0", seconds(base.elapsed().toMillis())));
        for (RunResult run : results.runs()) {
            WeightSummary weights = run.weights().summary();
            EvalReport eval = run.eval();
            List<String> fields = new ArrayList<>();
            fields.add(run.config().label());
            fields.add(run.config().strategy().id());
            fields.add(AblationConfig.number(run.config().alpha()));
            fields.add(run.weights().scope().id());
            fields.add(Integer.toString(run.seed()));
            fields.add(Integer.toString(eval.questions()));
            fields.add(Integer.toString(eval.passAt1Correct()));
            fields.add(number(eval.passAt1()));
            fields.add(number(eval.passAt1Interval().low()));
            fields.add(number(eval.passAt1Interval().high()));
            fields.add(Integer.toString(weights.count()));
            fields.add(number(weights.mean()));
            fields.add(number(weights.sd()));
            fields.add(number(weights.min()));
            fields.add(number(weights.max()));
            fields.add(Long.toString(run.training().steps()));
            fields.add(number(run.training().firstLoss()));
            fields.add(number(run.training().finalLoss()));
            fields.add(seconds(run.training().elapsed().toMillis()));
            fields.add(seconds(run.evalTime().toMillis()));
            row(out, fields);
        }
        return out.toString();
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        out.append('\n');
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
