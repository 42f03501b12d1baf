package io.east.core.answer;

import java.util.Locale;

/**
 * An answer parsed once so that it can be compared many times cheaply: clustering compares each of n answers
 * against the cluster representatives. All evaluation work (EvalEx, sampling of expressions with variables)
 * happens in {@link #parse}; {@link #equivalentTo} only compares cached strings and numbers. Immutable and
 * thread-safe.
 */
public final class ParsedAnswer {

    private final String raw;
    private final String normalized;
    private final AnswerValue value;
    /** The equation a label was stripped from ({@code y = 2x - 1}), or null. */
    private final AnswerValue equation;
    private final boolean percent;

    private ParsedAnswer(String raw, String normalized, AnswerValue value, AnswerValue equation, boolean percent) {
        this.raw = raw;
        this.normalized = normalized;
        this.value = value;
        this.equation = equation;
        this.percent = percent;
    }

    /** Parses an already-extracted answer. Never throws; {@code null} is treated as the empty answer. */
    public static ParsedAnswer parse(String answer) {
        String raw = answer == null ? "" : answer;
        boolean percent = raw.indexOf('%') >= 0 || raw.toLowerCase(Locale.ROOT).contains("percent");
        String normalized;
        try {
            normalized = AnswerNormalizer.normalize(raw);
        } catch (RuntimeException | StackOverflowError e) {
            normalized = raw.strip(); // defensive: normalisation is not expected to fail
        }
        AnswerValue value;
        try {
            value = ValueParser.parse(normalized);
        } catch (RuntimeException | StackOverflowError e) {
            value = normalized.isEmpty() ? new AnswerValue.Empty("") : new AnswerValue.Text(ValueParser.key(normalized));
        }
        return new ParsedAnswer(raw, normalized, value, equationBehindLabel(raw, normalized), percent);
    }

    /** {@code y = 2x - 1} is graded as {@code 2x - 1}, and also as the equation, to match {@code 2x - y - 1 = 0}. */
    private static AnswerValue equationBehindLabel(String raw, String normalized) {
        if (raw.indexOf('=') < 0 || normalized.indexOf('=') >= 0) {
            return null;
        }
        try {
            String kept = AnswerNormalizer.normalizeKeepingLabels(raw);
            AnswerValue equation = kept.equals(normalized) ? null : ValueParser.parse(kept);
            return equation instanceof AnswerValue.Equation ? equation : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    public String raw() {
        return raw;
    }

    /** {@code AnswerNormalizer.normalize(raw())}. */
    public String normalized() {
        return normalized;
    }

    /**
     * Is this (a prediction) equivalent to {@code gold}? Equal normalised strings always are; otherwise numbers
     * compare within a relative tolerance of 1e-6, expressions with variables by their values at fixed sample
     * points, and compound answers item by item. When gold is an unordered set (or an unbracketed list) and this is
     * a list, they compare as sets. An answer whose label was stripped ({@code y = 2x - 1}) also compares as the
     * equation it was. An empty answer is never equivalent to anything.
     */
    public boolean equivalentTo(ParsedAnswer gold) {
        if (gold == null || normalized.isEmpty() || gold.normalized.isEmpty()) {
            return false;
        }
        if (normalized.equals(gold.normalized)) {
            return true;
        }
        try {
            if (ValueMatcher.matches(value, percent, gold.value, gold.percent)) {
                return true;
            }
            return (equation != null || gold.equation != null)
                    && ValueMatcher.matches(equation != null ? equation : value,
                            gold.equation != null ? gold.equation : gold.value);
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    AnswerValue value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedAnswer other && raw.equals(other.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "ParsedAnswer[" + raw + " -> " + normalized + "]";
    }
}
