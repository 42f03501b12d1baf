package io.east.formats;

/**
 * One line of a MATH file.
 *
 * @param uniqueId e.g. {@code test/algebra/1.json}; null when the file has none
 * @param gold the gold final answer, not the solution
 * @param level "1" to "5"; null when unknown (MATH train has two "Level ?")
 */
public record MathProblem(String uniqueId, String problem, String gold, String level) {
}
