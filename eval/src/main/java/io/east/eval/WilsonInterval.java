package io.east.eval;

/**
 * The Wilson score interval of a proportion at 95% confidence. Unlike the normal approximation it stays inside
 * [0, 1] and is not empty at 0 or n successes, which matters for the small test sets a CPU evaluation uses.
 */
public record WilsonInterval(double low, double high) {

    /** The two-sided 95% quantile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    public WilsonInterval {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw new IllegalArgumentException("need 0 <= low <= high <= 1, got [" + low + ", " + high + "]");
        }
    }

    /**
     * @throws IllegalArgumentException unless 0 <= successes <= trials and trials >= 1 (no trials say nothing; a
     *     caller must not publish an interval for them)
     */
    public static WilsonInterval of(long successes, long trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got " + successes
                    + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At 0 or n successes one end is exactly 0 or 1 in exact arithmetic; rounding must not push it across.
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new WilsonInterval(low, high);
    }
}
