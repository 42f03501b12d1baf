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
    private final boolean percent;

    private ParsedAnswer(String raw, String normalized, AnswerValue value, boolean percent) {
        this.raw = raw;
        this.normalized = normalized;
        this.value = value;
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
        return new ParsedAnswer(raw, normalized, value, percent);
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
     * a list, they compare as sets. An empty answer is never equivalent to anything.
     */
    public boolean equivalentTo(ParsedAnswer gold) {
        if (gold == null || normalized.isEmpty() || gold.normalized.isEmpty()) {
            return false;
        }
        if (normalized.equals(gold.normalized)) {
            return true;
        }
        try {
            return ValueMatcher.matches(value, percent, gold.value, gold.percent);
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
