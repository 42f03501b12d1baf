package io.east.core.group;

/**
 * What the group rules need to know about one response of a question task.
 *
 * @param sampleIndex   position of the response in [0, n)
 * @param answer        the extracted final answer as recorded, or null when none was found
 * @param correct       the grader's verdict
 * @param containsBoxed whether the response holds a boxed answer (only the reference rules look at it)
 */
public record SampleAnswer(int sampleIndex, String answer, boolean correct, boolean containsBoxed) {
}
