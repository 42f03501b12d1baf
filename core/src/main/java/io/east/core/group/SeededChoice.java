package io.east.core.group;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random picks that depend only on a seed and the task id, so a replay of the sample log, in any arrival order,
 * chooses the same responses.
 */
final class SeededChoice {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final SplittableRandom random;

    SeededChoice(long seed, String taskId) {
        long hash = FNV_OFFSET;
        for (byte b : taskId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        this.random = new SplittableRandom(hash ^ seed * 0x9e3779b97f4a7c15L);
    }

    int nextIndex(int size) {
        return random.nextInt(size);
    }
}
