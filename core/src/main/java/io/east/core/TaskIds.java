package io.east.core;

/** The one way task ids are made: a task is one question asked in one round. */
public final class TaskIds {

    private TaskIds() {
    }

    /** {@code DATASET/QUESTION_ID@rROUND}, e.g. {@code gsm8k/train-17@r2}. */
    public static String of(String dataset, String questionId, int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        return dataset + "/" + questionId + "@r" + round;
    }
}
