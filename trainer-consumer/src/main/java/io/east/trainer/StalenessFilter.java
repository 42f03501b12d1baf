package io.east.trainer;

/**
 * Decides which examples are too stale to train on (docs/method.md): an example whose policy_version lags
 * the newest model version by more than {@code maxLag} versions is held back.
 *
 * <p>"Held back" is final here: model versions only grow, so a stale example never becomes fresh again, and
 * regenerating it would bias training toward easy questions. A held-back example is therefore consumed (its
 * offset is passed), counted in {@code TrainMetrics.held_back} and in the checkpoint state, and listed with its
 * reason in the checkpoint's skipped-examples file; it stays in the log, so a replay can still train on it.
 */
public record StalenessFilter(long maxLag) {

    public StalenessFilter {
        if (maxLag < 0) {
            throw new IllegalArgumentException("--max-staleness must be >= 0, got " + maxLag);
        }
    }

    public static StalenessFilter unbounded() {
        return new StalenessFilter(Long.MAX_VALUE);
    }

    public boolean bounded() {
        return maxLag != Long.MAX_VALUE;
    }

    /** Versions between the policy that generated an example and the newest one; saturates instead of overflowing. */
    public static long lag(long policyVersion, long newestVersion) {
        try {
            return Math.subtractExact(newestVersion, policyVersion);
        } catch (ArithmeticException e) {
            return newestVersion > policyVersion ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    public boolean holdsBack(long policyVersion, long newestVersion) {
        return bounded() && lag(policyVersion, newestVersion) > maxLag;
    }
}
