package io.east.core.group;

import io.east.core.StableHash;
import java.util.SplittableRandom;

/**
 * Random picks that depend only on a seed and the task id, so a replay of the sample log, in any arrival order,
 * chooses the same responses.
 */
final class SeededChoice {

    private final SplittableRandom random;

    SeededChoice(long seed, String taskId) {
        this.random = new SplittableRandom(StableHash.fnv1a64(taskId) ^ seed * 0x9e3779b97f4a7c15L);
    }

    int nextIndex(int size) {
        return random.nextInt(size);
    }
}
