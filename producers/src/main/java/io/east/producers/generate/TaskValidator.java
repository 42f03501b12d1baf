package io.east.producers.generate;

import io.east.schemas.QuestionTask;
import java.util.Optional;

/** Refuses tasks a worker cannot sample for or whose samples downstream could not group. */
final class TaskValidator {

    /** A typo such as n = 1000000 would otherwise ask a server for a million responses in one transaction. */
    static final int MAX_N = 4096;
    /**
     * Each of a task's samples repeats its question and adds a response, and must fit a topic's 1 MB default; a larger
     * task would fail its batch's transaction again at every retry, and its partition would never move on.
     */
    static final int MAX_TASK_BYTES = 256 * 1024;

    private TaskValidator() {
    }

    /** Why the task is invalid, or empty when it is fine. */
    static Optional<String> problem(QuestionTask task) {
        if (isBlank(task.getTaskId())) {
            return Optional.of("task_id is empty");
        }
        if (isBlank(task.getQuestionId())) {
            return Optional.of("question_id is empty");
        }
        if (isBlank(task.getQuestion())) {
            return Optional.of("question is empty");
        }
        if (isBlank(task.getGoldAnswer())) {
            return Optional.of("gold_answer is empty");
        }
        if (task.getN() < 1 || task.getN() > MAX_N) {
            return Optional.of("n must be in [1, " + MAX_N + "], got " + task.getN());
        }
        if (task.getRound() < 0) {
            return Optional.of("round must be >= 0, got " + task.getRound());
        }
        return Optional.empty();
    }

    private static boolean isBlank(CharSequence text) {
        return text == null || text.toString().isBlank();
    }
}
