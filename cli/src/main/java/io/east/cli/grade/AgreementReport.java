package io.east.cli.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How far the grader agrees with the corpus labels: per split and category, the cases, the agreement and the two
 * kinds of disagreement, plus the slowest case. Printed as a table or written as JSON.
 */
public final class AgreementReport {

    /** One line of the table: counts over a group of graded cases. */
    public record Row(String split, String category, int cases, int agreed, int falsePositives, int falseNegatives) {

        public double agreementPercent() {
            return cases == 0 ? 0 : 100.0 * agreed / cases;
        }

        static Row of(String split, String category, List<GradedCase> graded) {
            int agreed = 0;
            int falsePositives = 0;
            int falseNegatives = 0;
            for (GradedCase g : graded) {
                agreed += g.agrees() ? 1 : 0;
                falsePositives += g.falsePositive() ? 1 : 0;
                falseNegatives += g.falseNegative() ? 1 : 0;
            }
            return new Row(split, category, graded.size(), agreed, falsePositives, falseNegatives);
        }
    }

    private final List<GradedCase> graded;
    private final List<String> splits;

    /** @param splits the splits to report on, each with its own table; "all" adds one over every case given */
    public AgreementReport(List<GradedCase> graded, List<String> splits) {
        this.graded = List.copyOf(graded);
        this.splits = List.copyOf(splits);
    }

    /** Per split: one row per category that has cases, then the split's total ("all"). */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String split : splits) {
            List<GradedCase> inSplit = select(g -> split.equals("all") || g.corpusCase().split().equals(split));
            for (String category : GradingCorpus.CATEGORIES) {
                List<GradedCase> inCategory = inSplit.stream()
                        .filter(g -> g.corpusCase().category().equals(category)).toList();
                if (!inCategory.isEmpty()) {
                    rows.add(Row.of(split, category, inCategory));
                }
            }
            rows.add(Row.of(split, "all", inSplit));
        }
        return rows;
    }

    public List<GradedCase> disagreements() {
        return select(g -> !g.agrees());
    }

    public GradedCase slowest() {
        return graded.stream().max(Comparator.comparingLong(GradedCase::nanos)).orElse(null);
    }

    private List<GradedCase> select(Predicate<GradedCase> filter) {
        return graded.stream().filter(filter).toList();
    }

    /** The table, a false-positive line and the slowest case, as plain text. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-8s %-12s %6s %7s %7s %7s %7s%n",
                "split", "category", "cases", "agree%", "agreed", "false+", "false-"));
        String previousSplit = null;
        for (Row row : rows()) {
            if (previousSplit != null && !previousSplit.equals(row.split())) {
                out.append(System.lineSeparator());
            }
            previousSplit = row.split();
            out.append(String.format(Locale.ROOT, "%-8s %-12s %6d %7.1f %7d %7d %7d%n", row.split(), row.category(),
                    row.cases(), row.agreementPercent(), row.agreed(), row.falsePositives(), row.falseNegatives()));
        }
        long negatives = graded.stream().filter(g -> !g.corpusCase().expected()).count();
        long falsePositives = graded.stream().filter(GradedCase::falsePositive).count();
        out.append(String.format(Locale.ROOT, "%nfalse positives: %d of %d cases (%.1f%%); %d of %d labelled not equal%n",
                falsePositives, graded.size(), graded.isEmpty() ? 0 : 100.0 * falsePositives / graded.size(),
                falsePositives, negatives));
        GradedCase slowest = slowest();
        if (slowest != null) {
            out.append(String.format(Locale.ROOT, "slowest case: %s, %.1f ms%n", slowest.corpusCase().id(),
                    slowest.millis()));
        }
        return out.toString();
    }

    /** Each disagreement on a few lines: what a grader developer needs to reproduce it. */
    public String disagreementListing() {
        StringBuilder out = new StringBuilder();
        for (GradedCase g : disagreements()) {
            CorpusCase c = g.corpusCase();
            out.append(String.format(Locale.ROOT, "%s [%s, %s] expected %s, graded %s (%s)%n", c.id(), c.split(),
                    c.category(), c.expected(), g.grade().equivalent(), c.source()));
            out.append("  prediction: ").append(shown(c.prediction())).append(System.lineSeparator());
            out.append("  gold:       ").append(shown(c.gold())).append(System.lineSeparator());
            out.append("  extracted:  ").append(shown(g.grade().predictionAnswer())).append("  |  ")
                    .append(shown(g.grade().goldAnswer())).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** One line, and the end of a long response (where its answer is). */
    private static String shown(String text) {
        if (text == null) {
            return "(none)";
        }
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 240 ? oneLine : "..." + oneLine.substring(oneLine.length() - 237);
    }

    /** Everything in the table plus every disagreement in full, for tools. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", rows().stream().map(row -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("split", row.split());
            r.put("category", row.category());
            r.put("cases", row.cases());
            r.put("agreed", row.agreed());
            r.put("agreement_percent", Math.round(row.agreementPercent() * 10) / 10.0);
            r.put("false_positives", row.falsePositives());
            r.put("false_negatives", row.falseNegatives());
            return r;
        }).toList());
        GradedCase slowest = slowest();
        if (slowest != null) {
            json.put("slowest", Map.of("id", slowest.corpusCase().id(), "ms", slowest.millis()));
        }
        json.put("disagreements", disagreements().stream().map(g -> {
            CorpusCase c = g.corpusCase();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", c.id());
            d.put("split", c.split());
            d.put("category", c.category());
            d.put("expected", c.expected());
            d.put("graded", g.grade().equivalent());
            d.put("prediction", c.prediction());
            d.put("gold", c.gold());
            d.put("prediction_answer", g.grade().predictionAnswer());
            d.put("gold_answer", g.grade().goldAnswer());
            d.put("source", c.source());
            d.put("note", c.note());
            return d;
        }).toList());
        return json;
    }
}
