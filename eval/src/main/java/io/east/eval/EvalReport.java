package io.east.eval;

import java.time.Duration;
import java.util.List;

/**
 * What an evaluation found: greedy pass@1 and, with n > 1, maj@n, each with its 95% Wilson interval.
 *
 * @param majCorrect null when n = 1
 * @param majInterval null when n = 1
 * @param failed questions the backend produced nothing for (counted as wrong)
 */
public record EvalReport(int questions, int passAt1Correct, WilsonInterval passAt1Interval, int samplesPerQuestion,
        Integer majCorrect, WilsonInterval majInterval, int failed, Duration elapsed, List<QuestionOutcome> outcomes) {

    public EvalReport {
        outcomes = List.copyOf(outcomes);
        if (questions < 1 || outcomes.size() != questions) {
            throw new IllegalArgumentException("a report needs >= 1 question and one outcome per question");
        }
        if ((majCorrect == null) != (samplesPerQuestion == 1) || (majInterval == null) != (majCorrect == null)) {
            throw new IllegalArgumentException("maj@n is reported exactly when n > 1");
        }
    }

    public double passAt1() {
        return (double) passAt1Correct / questions;
    }

    /** maj@n, or null when n = 1. */
    public Double majAtN() {
        return majCorrect == null ? null : (double) majCorrect / questions;
    }
}
