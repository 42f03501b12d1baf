package io.east.bench.streams;

import java.util.Arrays;

/** Count and nearest-rank percentiles of latencies, in milliseconds. */
public record LatencySummary(int count, double p50, double p90, double p99, double max) {

    static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.90)),
                millis(rank(sorted, 0.99)), millis(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least a share {@code q} of all values at or below it. */
    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
