package io.east.producers.synthetic;

import io.east.producers.synthetic.SyntheticProblem.Step;
import java.util.List;

/**
 * The arithmetic core of a problem, without its wording. Splits are assigned from this core, so a test problem never
 * shares its computation with a training problem, whatever names and objects either uses.
 */
record Computation(int level, List<Step> steps) {

    Computation {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a computation has at least one step");
        }
    }

    long answer() {
        return steps.get(steps.size() - 1).result();
    }

    /** E.g. {@code 4:7*12;-25;+18}: the level, the first operands, then each later operator and operand. */
    String canonical() {
        StringBuilder text = new StringBuilder().append(level).append(':');
        Step first = steps.get(0);
        text.append(first.left()).append(first.operator()).append(first.right());
        for (Step step : steps.subList(1, steps.size())) {
            text.append(';').append(step.operator()).append(step.right());
        }
        return text.toString();
    }
}
