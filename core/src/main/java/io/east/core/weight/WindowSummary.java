package io.east.core.weight;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a dashboard needs to see of one window's weights: histograms of entropy and weight on fixed bins (so that
 * windows and experiments compare bin for bin), and the weights' mean, extremes and quantiles.
 */
public record WindowSummary(Histogram entropy, Histogram weight, double mean, double min, double max,
        Map<String, Double> quantiles) {

    /** Entropy bins of 0.5 bit up to 8 bits (n = 256 distinct answers); higher values fall in the last bin. */
    public static final double ENTROPY_UPPER = 8.0;
    public static final int ENTROPY_BINS = 16;
    /** Weight bins of 0.25 up to 4; heavier weights fall in the last bin. */
    public static final double WEIGHT_UPPER = 4.0;
    public static final int WEIGHT_BINS = 16;

    private static final double[] QUANTILES = {0.10, 0.25, 0.50, 0.75, 0.90};

    /** Counts on equal-width bins over [lower, upper); values outside go to the first or last bin. */
    public record Histogram(double lower, double upper, int[] counts) {

        static Histogram of(double[] values, double lower, double upper, int bins) {
            int[] counts = new int[bins];
            double width = (upper - lower) / bins;
            for (double value : values) {
                int bin = (int) Math.floor((value - lower) / width);
                counts[Math.max(0, Math.min(bins - 1, bin))]++;
            }
            return new Histogram(lower, upper, counts);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Histogram h && h.lower == lower && h.upper == upper
                    && Arrays.equals(h.counts, counts);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(lower) * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Histogram[" + lower + ", " + upper + ") " + Arrays.toString(counts);
        }
    }

    public WindowSummary {
        quantiles = Map.copyOf(quantiles);
    }

    public static WindowSummary of(double[] entropies, double[] weights) {
        if (weights.length == 0) {
            return new WindowSummary(Histogram.of(entropies, 0, ENTROPY_UPPER, ENTROPY_BINS),
                    Histogram.of(weights, 0, WEIGHT_UPPER, WEIGHT_BINS), 0, 0, 0, Map.of());
        }
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (double q : QUANTILES) {
            quantiles.put("p" + Math.round(q * 100), quantile(sorted, q));
        }
        return new WindowSummary(
                Histogram.of(entropies, 0, ENTROPY_UPPER, ENTROPY_BINS),
                Histogram.of(weights, 0, WEIGHT_UPPER, WEIGHT_BINS),
                MeanOne.normaliser(weights), sorted[0], sorted[sorted.length - 1], quantiles);
    }

    /** Linear interpolation between closest ranks (the common "type 7" definition). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
