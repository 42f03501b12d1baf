package io.east.producers.synthetic;

import io.east.producers.synthetic.SyntheticProblem.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the arithmetic of each difficulty level (see producers/SYNTHETIC.md). Every running total stays >= 0 so the
 * stories ("gives away 25") always make sense.
 */
final class Levels {

    static final int COUNT = 4;

    private Levels() {
    }

    static Computation draw(int level, Random random) {
        return switch (level) {
            case 1 -> oneStep(1, random, 2, 9, 1, 9);
            case 2 -> oneStep(2, random, 10, 99, 10, 99);
            case 3 -> addSubtractChain(3, random, between(random, 10, 99), 2);
            case 4 -> multiplyThenChain(random);
            default -> throw new IllegalArgumentException("level must be in [1, " + COUNT + "], got " + level);
        };
    }

    /** One addition or subtraction; {@code startMin >= min} keeps the subtrahend range non-empty. */
    private static Computation oneStep(int level, Random random, int startMin, int startMax, int min, int max) {
        long start = between(random, startMin, startMax);
        Step step = random.nextBoolean()
                ? Step.of(start, '+', between(random, min, max))
                : Step.of(start, '-', between(random, min, (int) Math.min(max, start)));
        return new Computation(level, List.of(step));
    }

    /** {@code count} additions or subtractions of 2..99 after {@code start}. */
    private static Computation addSubtractChain(int level, Random random, long start, int count) {
        return new Computation(level, chain(random, start, count, new ArrayList<>()));
    }

    /** "buys A boxes of B" (a multiplication), then two additions or subtractions. */
    private static Computation multiplyThenChain(Random random) {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(between(random, 2, 9), '*', between(random, 11, 25)));
        return new Computation(4, chain(random, steps.get(0).result(), 2, steps));
    }

    private static List<Step> chain(Random random, long start, int count, List<Step> steps) {
        long total = start;
        for (int i = 0; i < count; i++) {
            boolean subtract = total >= 2 && random.nextBoolean();
            long operand = subtract ? between(random, 2, (int) Math.min(99, total)) : between(random, 2, 99);
            Step step = Step.of(total, subtract ? '-' : '+', operand);
            steps.add(step);
            total = step.result();
        }
        return steps;
    }

    private static long between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
