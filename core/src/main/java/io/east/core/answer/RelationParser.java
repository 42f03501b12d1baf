package io.east.core.answer;

import io.east.core.answer.AnswerValue.Comparison;
import io.east.core.answer.AnswerValue.Inequality;
import io.east.core.answer.AnswerValue.Kind;
import io.east.core.answer.AnswerValue.Num;
import io.east.core.answer.AnswerValue.Seq;
import io.east.core.answer.AnswerValue.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a normalised inequality ({@code x \le 5}, {@code 4 > m}, {@code t \ne 1}) or a chain ({@code 1 < z \le 5})
 * into an {@link Inequality}. A single inequality that is linear in its one variable, and a chain with constant
 * ends, also get the interval they describe, so that {@code -x < 2}, {@code x > -2} and {@code (-2, \infty)} agree.
 */
final class RelationParser {

    private enum Op {
        LT, LE, GT, GE, NE;

        boolean ascending() {
            return this == LT || this == LE;
        }

        boolean strict() {
            return this == LT || this == GT;
        }
    }

    private record Split(List<String> sides, List<Op> ops) {}

    private RelationParser() {}

    /** The relation, {@link Text} when it has a relation operator but is not understood, null when it has none. */
    static AnswerValue parse(String s, String key) {
        Split split = split(s);
        if (split.ops().isEmpty()) {
            return null;
        }
        for (String side : split.sides()) {
            if (side.isBlank()) {
                return new Text(key);
            }
        }
        if (split.ops().size() == 1) {
            AnswerValue single = single(key, split.sides().get(0), split.ops().get(0), split.sides().get(1));
            return single != null ? single : new Text(key);
        }
        if (split.ops().size() == 2) {
            AnswerValue chain = chain(key, split);
            return chain != null ? chain : new Text(key);
        }
        return new Text(key);
    }

    private static Split split(String s) {
        List<String> sides = new ArrayList<>(3);
        List<Op> ops = new ArrayList<>(2);
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            Op op = depth == 0 ? opAt(s, i) : null;
            if (op != null) {
                sides.add(s.substring(start, i));
                ops.add(op);
                start = i + (s.charAt(i) == '\\' ? 3 : 1);
                i = start;
                continue;
            }
            depth += LatexScan.depthChange(s, i);
            i += LatexScan.tokenLength(s, i);
        }
        sides.add(s.substring(start));
        return new Split(sides, ops);
    }

    /** The relation written at {@code i}: {@code <}, {@code >}, or {@code \le}, {@code \ge}, {@code \ne}. */
    private static Op opAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '<' || c == '>') {
            return c == '<' ? Op.LT : Op.GT;
        }
        if (c != '\\' || LatexScan.isLetterAt(s, i + 3)
                || !(s.startsWith("\\le", i) || s.startsWith("\\ge", i) || s.startsWith("\\ne", i))) {
            return null;
        }
        char kind = s.charAt(i + 1);
        return kind == 'l' ? Op.LE : kind == 'g' ? Op.GE : Op.NE;
    }

    private static AnswerValue single(String key, String lhs, Op op, String rhs) {
        LatexTranslator.Translation t = LatexTranslator.translate("{" + lhs + "}-{" + rhs + "}");
        if (t == null || t.variables().isEmpty()) {
            return null;
        }
        double[] samples = NumericEvaluator.sample(t.expression(), t.variables());
        if (!op.ascending() && op != Op.NE) {
            for (int k = 0; k < samples.length; k++) {
                samples[k] = -samples[k]; // a > b is b - a < 0
            }
        }
        Comparison comparison = op == Op.NE ? Comparison.NOT_EQUAL : op.strict() ? Comparison.LESS : Comparison.AT_MOST;
        List<String> variables = sorted(t.variables());
        Seq interval = op == Op.NE || variables.size() != 1 ? null : solvedInterval(key, variables.get(0), samples, op.strict());
        return new Inequality(key, variables, samples, comparison, interval);
    }

    /**
     * f(v) &lt; 0 (or &lt;= 0) for f sampled at the variable's sample points: when f is linear with a nonzero slope,
     * the ray on the side of its root where f is negative.
     */
    private static Seq solvedInterval(String key, String variable, double[] f, boolean strict) {
        double[] x = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            if (!Double.isFinite(f[k])) {
                return null;
            }
            x[k] = NumericEvaluator.samplePoint(variable, k);
        }
        double slope = (f[1] - f[0]) / (x[1] - x[0]);
        if (!Double.isFinite(slope) || Math.abs(slope) < ValueMatcher.ABSOLUTE_TOLERANCE) {
            return null;
        }
        for (int k = 2; k < f.length; k++) {
            if (!ValueMatcher.close(f[0] + slope * (x[k] - x[0]), f[k])) {
                return null; // not linear: x^2 < 4 is not one ray
            }
        }
        double root = x[0] - f[0] / slope;
        Num bound = new Num(Double.toString(root), root);
        return slope > 0
                ? interval(key, new Num("-\\infty", Double.NEGATIVE_INFINITY), false, bound, !strict)
                : interval(key, bound, !strict, new Num("\\infty", Double.POSITIVE_INFINITY), false);
    }

    /** {@code a < t <= b} (or descending) with constant ends: the interval of t. */
    private static AnswerValue chain(String key, Split split) {
        Op first = split.ops().get(0);
        Op second = split.ops().get(1);
        if (first == Op.NE || second == Op.NE || first.ascending() != second.ascending()) {
            return null;
        }
        Num a = constant(split.sides().get(0));
        Num b = constant(split.sides().get(2));
        if (a == null || b == null) {
            return null;
        }
        Seq interval = first.ascending()
                ? interval(key, a, !first.strict(), b, !second.strict())
                : interval(key, b, !second.strict(), a, !first.strict());
        List<String> term = List.of(ValueParser.key(split.sides().get(1).strip()));
        return new Inequality(key, term, null, null, interval);
    }

    private static Num constant(String side) {
        return ValueParser.parse(AnswerNormalizer.normalize(side)) instanceof Num n ? n : null;
    }

    private static Seq interval(String key, Num low, boolean lowClosed, Num high, boolean highClosed) {
        char open = lowClosed && Double.isFinite(low.value()) ? '[' : '(';
        char close = highClosed && Double.isFinite(high.value()) ? ']' : ')';
        return new Seq(key, Kind.TUPLE, open, close, List.of(low, high));
    }

    private static List<String> sorted(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return List.copyOf(sorted);
    }
}
