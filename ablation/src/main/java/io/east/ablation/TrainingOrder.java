package io.east.ablation;

import java.util.SplittableRandom;

/**
 * The order examples are trained in for one seed: a fresh seeded permutation of the example set per epoch. It
 * depends only on the set's size, the seed and the epoch, never on the config, so every config of a seed sees the
 * same examples in the same order and batches; seeds differ only in this order.
 */
public final class TrainingOrder {

    private TrainingOrder() {
    }

    /** Indexes into the example set, {@code epochs * size} of them, each epoch a permutation of 0..size-1. */
    public static int[] of(int size, long seed, int epochs) {
        if (size < 0 || epochs < 1) {
            throw new IllegalArgumentException("need size >= 0 and epochs >= 1, got " + size + " and " + epochs);
        }
        int[] order = new int[size * epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] permutation = permutation(size, new SplittableRandom(mix(seed, epoch)));
            System.arraycopy(permutation, 0, order, epoch * size, size);
        }
        return order;
    }

    private static int[] permutation(int size, SplittableRandom random) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /** Nearby (seed, epoch) pairs must give unrelated streams. */
    private static long mix(long seed, int epoch) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch).nextLong();
    }
}
