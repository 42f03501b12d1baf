/**
 * Final-answer extraction and grading for GSM8K and MATH style answers.
 *
 * <ul>
 *   <li>{@link io.east.core.answer.AnswerExtractor} finds the final answer in a response or solution.
 *   <li>{@link io.east.core.answer.AnswerNormalizer} rewrites notation only; its output is the key of exact
 *       clustering (the reference pipeline's behaviour).
 *   <li>{@link io.east.core.answer.ParsedAnswer} parses once and compares many times (equivalence clustering);
 *       {@link io.east.core.answer.AnswerGrader} is the one-shot entry point.
 * </ul>
 *
 * <p>Equivalence policy. Numbers agree within a relative tolerance of 1e-6 (absolute 1e-12 near zero), except
 * that two answers written exactly (integers, integer fractions, mixed numbers) must be exactly equal, and that a
 * predicted decimal with at least three significant digits equals a gold not written as a number when it is the
 * gold rounded to the decimal's places ({@code 6.28} and {@code 6.283} equal {@code 2\pi}). A percent
 * sign on one side also allows a factor of 100 ({@code 50\%} equals 50 and 0.5). Expressions with variables are
 * compared by their values at four fixed pseudo-random points per variable (same variable set required; {@code e}
 * is Euler's number and {@code i} an ordinary variable). Tuples and intervals compare in order with equal bracket
 * kinds; a gold set, an unbracketed gold list and unions of intervals accept any order. Equations compare as
 * {@code lhs - rhs} up to a nonzero factor. A label is dropped by normalisation ({@code y =}, {@code |PQ| =},
 * {@code f(2) =}, {@code x \in}; {@code a=3, b=8} is {@code 3, 8}), as are the working of a chained equation
 * ({@code k = 3+4 = 7} is 7) and an approximation after the exact value; {@code y = 2x - 1} still matches the
 * equation {@code 2x - y - 1 = 0}. Inequalities compare as {@code lhs - rhs} up to a positive factor with the same
 * strictness ({@code 4 > m} is {@code m < 4}), or by the interval they describe ({@code -x < 2}, {@code x > -2} and
 * {@code (-2, \infty)}; {@code 1 < z \le 5} and {@code (1, 5]}). Text compares case-insensitively. Numeric evaluation uses EvalEx with guarded power, factorial,
 * root and binomial operations, and inputs are length-capped, so grading neither throws nor hangs.
 *
 * <p>Not handled: numbers in other bases ({@code 52_8}), set-builder notation and non-linear inequalities against
 * intervals (compared as text or as relations), complex arithmetic beyond linear use of {@code i}, units
 * conversion, and values whose magnitude is below 1e-12 (they equal 0).
 *
 * <p>Commas between digits outside brackets ({@code DigitCommas}): with a space they separate
 * list items ({@code 7, 123} is not 7123); without one, three-digit groups after a nonzero lead are thousands
 * ({@code 3,500}, {@code 70,110}), one comma after a zero integer part is a decimal comma ({@code 0,25}), and
 * any other single comma ({@code 3,5}, {@code 1000,99}) is a decimal against a single number but a list of two
 * numbers against a list.
 */
package io.east.core.answer;
