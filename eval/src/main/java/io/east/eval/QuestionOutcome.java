package io.east.eval;

/**
 * How one question went.
 *
 * @param greedyAnswer the answer extracted from the greedy response, or null
 * @param majorityAnswer the winning answer of the n responses, or null (n = 1, or no response had one)
 * @param failure why the backend produced nothing for the question, or null; a failed question counts as wrong
 */
public record QuestionOutcome(String questionId, String greedyAnswer, boolean greedyCorrect, String majorityAnswer,
        boolean majorityCorrect, String failure) {
}
