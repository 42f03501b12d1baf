package io.east.core.group;

import java.util.Collection;

/** Shannon entropy of an answer distribution. */
public final class Entropy {

    private static final double LN2 = Math.log(2.0);

    private Entropy() {
    }

    /** Entropy in bits of the distribution with these cluster sizes: 0 when all answers agree, log2(n) at most. */
    public static double bits(Collection<Integer> clusterSizes) {
        long total = 0;
        for (int size : clusterSizes) {
            if (size < 0) {
                throw new IllegalArgumentException("cluster size must be >= 0, got " + size);
            }
            total += size;
        }
        if (total == 0) {
            return 0.0;
        }
        double nats = 0.0;
        for (int size : clusterSizes) {
            if (size > 0) {
                double p = (double) size / total;
                nats -= p * Math.log(p);
            }
        }
        // A single cluster gives -1*ln(1) = -0.0; report a clean zero.
        return nats <= 0.0 ? 0.0 : nats / LN2;
    }
}
