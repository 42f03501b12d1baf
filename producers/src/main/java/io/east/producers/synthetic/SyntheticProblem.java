package io.east.producers.synthetic;

import java.util.List;

/**
 * One problem of the synthetic dataset: a short GSM8K-style word problem and its step-by-step solution, which ends
 * with the line {@code #### ANSWER}.
 *
 * @param id stable for a seed: {@code s<SEED>-<split>-<index>}
 * @param level 1 (easiest) to {@link SyntheticDataset#LEVELS}
 * @param steps the arithmetic the solution writes out, one step per line
 */
public record SyntheticProblem(String id, int level, String question, String solution, long answer,
        List<Step> steps) {

    /** One written-out operation {@code left op right = result}; {@code left} is the previous result after step 1. */
    public record Step(long left, char operator, long right, long result) {

        public Step {
            if (operator != '+' && operator != '-' && operator != '*') {
                throw new IllegalArgumentException("operator must be +, - or *, got " + operator);
            }
        }

        static Step of(long left, char operator, long right) {
            long result = switch (operator) {
                case '+' -> left + right;
                case '-' -> left - right;
                default -> left * right;
            };
            return new Step(left, operator, right, result);
        }

        @Override
        public String toString() {
            return left + " " + operator + " " + right + " = " + result;
        }
    }

    public SyntheticProblem {
        steps = List.copyOf(steps);
    }

    /** The gold final answer as the feeder publishes it. */
    public String gold() {
        return Long.toString(answer);
    }
}
