package io.east.cli.grade;

import io.east.core.answer.AnswerGrader;

/** A corpus case with the grader's verdict on it and how long grading it took. */
public record GradedCase(CorpusCase corpusCase, AnswerGrader.Grade grade, long nanos) {

    /** Grades one case, timing the call. */
    public static GradedCase of(CorpusCase c) {
        long start = System.nanoTime();
        AnswerGrader.Grade grade = AnswerGrader.grade(c.prediction(), c.gold());
        return new GradedCase(c, grade, System.nanoTime() - start);
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
