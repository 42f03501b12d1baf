package io.east.cli.grade;

import io.east.core.answer.AnswerGrader;

/** A corpus case with the grader's verdict on it and how long grading it took. */
public record GradedCase(CorpusCase corpusCase, AnswerGrader.Grade grade, long nanos) {

    /** A garbage collection or a busy neighbour must not be charged to a case: the fastest of a few runs counts. */
    private static final int TIMED_RUNS = 3;

    /** Grades one case, timing the call. */
    public static GradedCase of(CorpusCase c) {
        AnswerGrader.Grade grade = null;
        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < TIMED_RUNS; run++) {
            long start = System.nanoTime();
            grade = AnswerGrader.grade(c.prediction(), c.gold());
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return new GradedCase(c, grade, fastest);
    }

    public boolean agrees() {
        return grade.equivalent() == corpusCase.expected();
    }

    /** Graded equal where the label says they differ. */
    public boolean falsePositive() {
        return grade.equivalent() && !corpusCase.expected();
    }

    /** Graded different where the label says they are equal. */
    public boolean falseNegative() {
        return !grade.equivalent() && corpusCase.expected();
    }

    public double millis() {
        return nanos / 1e6;
    }
}
