package io.east.core.answer;

import java.math.BigInteger;
import java.util.List;

/**
 * The meaning of a normalised answer, computed once by {@link ValueParser} so that comparisons are cheap. Every
 * value keeps a case-folded {@link #key()} of its text, the fallback when nothing more structured matches.
 */
sealed interface AnswerValue {

    String key();

    /** Nothing usable; never equivalent to anything. */
    record Empty(String key) implements AnswerValue {}

    /**
     * A real number. {@code exact} is set when the answer was written as an integer, a fraction of integers or a
     * mixed number: two exact numbers compare exactly, so 1 and 4036082/4036081 differ although they are within
     * the relative tolerance. Decimals stay inexact because models round them.
     */
    record Num(String key, double value, Rational exact) implements AnswerValue {

        Num(String key, double value) {
            this(key, value, null);
        }
    }

    /** numerator / denominator, denominator positive; not necessarily reduced. */
    record Rational(BigInteger numerator, BigInteger denominator) {

        boolean sameValue(Rational other) {
            return numerator.multiply(other.denominator).equals(other.numerator.multiply(denominator));
        }
    }

    /** An expression in variables, represented by its values at the shared sample points. */
    record Symbolic(String key, List<String> variables, double[] samples) implements AnswerValue {}

    /** An equation {@code lhs = rhs}, represented by samples of {@code lhs - rhs} (equal up to a nonzero factor). */
    record Equation(String key, List<String> variables, double[] samples) implements AnswerValue {}

    /**
     * An inequality or "not equal". {@code samples} are those of lhs - rhs, turned so that the relation reads
     * "samples &lt; 0", "&lt;= 0" or "!= 0" as {@code comparison} says; both are null for a chain {@code a < t <= b}.
     * {@code interval} is the set the relation allows when that is one interval of one variable (or of a chain's
     * middle term), else null.
     */
    record Inequality(String key, List<String> variables, double[] samples, Comparison comparison, Seq interval)
            implements AnswerValue {}

    enum Comparison {
        LESS,
        AT_MOST,
        NOT_EQUAL
    }

    /** Words or anything the translator does not understand; compared by key only. */
    record Text(String key) implements AnswerValue {}

    /** The shapes of several answers in one. */
    enum Kind {
        /** Brackets given: order and bracket kinds matter (points, vectors, intervals). */
        TUPLE,
        /** {@code \{...\}}: order does not matter. */
        SET,
        /** Comma-separated without brackets, e.g. the solutions of an equation: order does not matter. */
        LIST,
        /** Intervals joined by {@code \cup}: order does not matter. */
        UNION
    }

    record Seq(String key, Kind kind, char open, char close, List<AnswerValue> items) implements AnswerValue {}

    record Matrix(String key, int rows, int columns, List<AnswerValue> cells) implements AnswerValue {}
}
