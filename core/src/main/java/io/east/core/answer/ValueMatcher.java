package io.east.core.answer;

import io.east.core.answer.AnswerValue.Empty;
import io.east.core.answer.AnswerValue.Comparison;
import io.east.core.answer.AnswerValue.Equation;
import io.east.core.answer.AnswerValue.Inequality;
import io.east.core.answer.AnswerValue.Kind;
import io.east.core.answer.AnswerValue.Matrix;
import io.east.core.answer.AnswerValue.Num;
import io.east.core.answer.AnswerValue.Seq;
import io.east.core.answer.AnswerValue.Symbolic;
import java.util.List;

/**
 * Decides whether a predicted {@link AnswerValue} is equivalent to a gold one. The relation is deliberately not
 * symmetric: the gold's shape decides how lenient the comparison is (a gold set accepts any order, a gold tuple
 * does not).
 */
final class ValueMatcher {

    /** Relative tolerance for numbers; 1.00001 vs 1 differs by 1e-5 and is rejected. */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /** Absolute tolerance, only relevant near zero where a relative tolerance is meaningless. */
    static final double ABSOLUTE_TOLERANCE = 1e-12;

    private ValueMatcher() {}

    /**
     * Top-level comparison. A percent sign on one side (and not the other) also allows a factor of 100:
     * gold {@code 50\%} accepts 50 and 0.5, prediction {@code 50\%} matches gold 50 or 0.5.
     */
    static boolean matches(AnswerValue prediction, boolean predictionPercent, AnswerValue gold, boolean goldPercent) {
        if (prediction instanceof Num p && gold instanceof Num g && predictionPercent != goldPercent) {
            if (close(p.value(), g.value())) {
                return true;
            }
            return predictionPercent ? close(p.value() / 100, g.value()) : close(p.value(), g.value() / 100);
        }
        return matches(prediction, gold);
    }

    static boolean matches(AnswerValue prediction, AnswerValue gold) {
        if (prediction instanceof Empty || gold instanceof Empty) {
            return false;
        }
        if (prediction.key().equals(gold.key())) {
            return true;
        }
        if (gold instanceof AnswerValue.Text && prediction instanceof AnswerValue.Text) {
            return prediction.key().equalsIgnoreCase(gold.key()); // "monday" for "Monday"
        }
        // "3,5" is 3.5 against a single number, and the list 3, 5 otherwise.
        if (gold instanceof Num && DigitCommas.decimalReading(prediction) != null) {
            return matches(DigitCommas.decimalReading(prediction), gold);
        }
        if (prediction instanceof Num && DigitCommas.decimalReading(gold) != null) {
            return matches(prediction, DigitCommas.decimalReading(gold));
        }
        if (gold instanceof Num g) {
            if (prediction instanceof Num p) {
                if (!close(p.value(), g.value())) {
                    return RoundedDecimals.roundsTo(p, g);
                }
                return p.exact() == null || g.exact() == null || p.exact().sameValue(g.exact());
            }
            return singleton(prediction, gold) || (prediction instanceof Symbolic p && constant(p, g.value()));
        }
        if (gold instanceof Symbolic g) {
            if (prediction instanceof Symbolic p) {
                return p.variables().equals(g.variables()) && samplesClose(p.samples(), g.samples());
            }
            return singleton(prediction, gold) || (prediction instanceof Num p && constant(g, p.value()));
        }
        if (gold instanceof Equation g) {
            return prediction instanceof Equation p
                    && p.variables().equals(g.variables())
                    && proportional(p.samples(), g.samples(), false);
        }
        if (gold instanceof Inequality g) {
            return inequalityMatches(prediction, g);
        }
        if (gold instanceof Seq g) {
            return sequenceMatches(prediction, g);
        }
        if (gold instanceof Matrix g) {
            return matrixMatches(prediction, g);
        }
        return false; // Text: only the key comparisons above apply
    }

    /** An expression whose variables cancel ({@code \\sin^2 x + \\cos^2 x}) is the constant it equals everywhere. */
    private static boolean constant(Symbolic expression, double value) {
        for (double sample : expression.samples()) {
            if (Double.isNaN(sample) || !close(sample, value)) {
                return false;
            }
        }
        return true;
    }

    /** A one-element set or list predicted for a scalar gold ("\{5\}" for "5"). */
    private static boolean singleton(AnswerValue prediction, AnswerValue gold) {
        return prediction instanceof Seq p
                && (p.kind() == Kind.SET || p.kind() == Kind.LIST)
                && p.items().size() == 1
                && matches(p.items().get(0), gold);
    }

    private static boolean sequenceMatches(AnswerValue prediction, Seq gold) {
        if (prediction instanceof Inequality p) {
            return p.interval() != null && matches(p.interval(), gold); // x > 5 for (5, \infty)
        }
        if (!(prediction instanceof Seq p)) {
            if (prediction instanceof Matrix m) {
                return gold.kind() == Kind.TUPLE && isParenthesised(gold) && vectorMatches(m, gold.items());
            }
            // A scalar for a one-element gold set ("5" for "\{5\}").
            return (gold.kind() == Kind.SET || gold.kind() == Kind.LIST)
                    && gold.items().size() == 1
                    && matches(prediction, gold.items().get(0));
        }
        switch (gold.kind()) {
            case SET, LIST:
                if (p.kind() == Kind.SET || p.kind() == Kind.LIST || (p.kind() == Kind.UNION && inequalities(gold))) {
                    return unordered(p.items(), gold.items());
                }
                return gold.kind() == Kind.LIST && p.kind() == Kind.TUPLE && isParenthesised(p)
                        && ordered(p.items(), gold.items());
            case TUPLE:
                if (p.kind() == Kind.TUPLE) {
                    return p.open() == gold.open() && p.close() == gold.close() && ordered(p.items(), gold.items());
                }
                // "1, 2" for the point "(1, 2)"; never for an interval with a square bracket.
                return p.kind() == Kind.LIST && isParenthesised(gold) && ordered(p.items(), gold.items());
            case UNION:
                // "x < -1 or x > 3" for (-\infty,-1) \cup (3,\infty), item by item
                return (p.kind() == Kind.UNION || inequalities(p)) && unordered(p.items(), gold.items());
            default:
                return false;
        }
    }

    /**
     * Same variables and the same relation after turning it around or scaling it by a positive factor; or, failing
     * that, the same interval. An interval predicted for an inequality is compared with the inequality's interval.
     */
    private static boolean inequalityMatches(AnswerValue prediction, Inequality gold) {
        if (prediction instanceof Inequality p) {
            if (!p.variables().equals(gold.variables())) {
                return false;
            }
            if (p.samples() != null && gold.samples() != null && p.comparison() == gold.comparison()
                    && proportional(p.samples(), gold.samples(), gold.comparison() != Comparison.NOT_EQUAL)) {
                return true;
            }
            return p.interval() != null && gold.interval() != null && matches(p.interval(), gold.interval());
        }
        return prediction instanceof Seq p && gold.interval() != null && matches(p, gold.interval());
    }

    private static boolean inequalities(Seq s) {
        return s.kind() == Kind.LIST && s.items().stream().allMatch(item -> item instanceof Inequality);
    }

    private static boolean isParenthesised(Seq s) {
        return s.open() == '(' && s.close() == ')';
    }

    private static boolean matrixMatches(AnswerValue prediction, Matrix gold) {
        if (prediction instanceof Matrix p) {
            return p.rows() == gold.rows() && p.columns() == gold.columns() && ordered(p.cells(), gold.cells());
        }
        // A column vector written as a tuple: (1, 2) for \begin{pmatrix}1\\2\end{pmatrix}.
        return prediction instanceof Seq p
                && ((p.kind() == Kind.TUPLE && isParenthesised(p)) || p.kind() == Kind.LIST)
                && vectorMatches(gold, p.items());
    }

    private static boolean vectorMatches(Matrix m, List<AnswerValue> items) {
        return (m.rows() == 1 || m.columns() == 1) && ordered(m.cells(), items);
    }

    private static boolean ordered(List<AnswerValue> prediction, List<AnswerValue> gold) {
        if (prediction.size() != gold.size()) {
            return false;
        }
        for (int i = 0; i < gold.size(); i++) {
            if (!matches(prediction.get(i), gold.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compared as sets, as Math-Verify does: every gold item is predicted and every predicted item is in the gold,
     * so a repeated item does not count twice ({@code (3,17,3,7)} listed twice).
     */
    private static boolean unordered(List<AnswerValue> prediction, List<AnswerValue> gold) {
        return coveredBy(gold, prediction, true) && coveredBy(prediction, gold, false);
    }

    private static boolean coveredBy(List<AnswerValue> items, List<AnswerValue> by, boolean itemsAreGold) {
        for (AnswerValue item : items) {
            boolean found = false;
            for (int i = 0; i < by.size() && !found; i++) {
                found = itemsAreGold ? matches(by.get(i), item) : matches(item, by.get(i));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean close(double a, double b) {
        if (a == b) {
            return true; // also equal infinities
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return false;
        }
        double diff = Math.abs(a - b);
        return diff <= ABSOLUTE_TOLERANCE || diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Equal where both are defined; the set of undefined points must agree, and one point must be defined. */
    private static boolean samplesClose(double[] p, double[] g) {
        boolean any = false;
        for (int k = 0; k < g.length; k++) {
            boolean pn = Double.isNaN(p[k]);
            boolean gn = Double.isNaN(g[k]);
            if (pn != gn) {
                return false;
            }
            if (!pn) {
                if (!close(p[k], g[k])) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * p = c * g for one nonzero c (positive when {@code positive}): the same equation after scaling or swapping
     * sides, the same inequality after scaling.
     */
    private static boolean proportional(double[] p, double[] g, boolean positive) {
        double factor = Double.NaN;
        for (int k = 0; k < g.length; k++) {
            if (!Double.isNaN(p[k]) && !Double.isNaN(g[k]) && Math.abs(g[k]) > ABSOLUTE_TOLERANCE) {
                factor = p[k] / g[k];
                break;
            }
        }
        if (Double.isNaN(factor)) {
            return samplesClose(p, g); // both identically zero where defined
        }
        if (Math.abs(factor) < ABSOLUTE_TOLERANCE || (positive && factor < 0)) {
            return false;
        }
        for (int k = 0; k < g.length; k++) {
            boolean pn = Double.isNaN(p[k]);
            if (pn != Double.isNaN(g[k])) {
                return false;
            }
            if (!pn && !close(p[k], factor * g[k])) {
                return false;
            }
        }
        return true;
    }
}
