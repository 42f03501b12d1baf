package io.east.producers.feed;

import java.time.Duration;

/**
 * How a feed runs.
 *
 * @param n responses to sample per task
 * @param rounds how many times each question is asked; round r+1 starts once round r is published
 * @param startRound the first round's number: a later feed of the same questions continues with new task ids
 * @param maxInFlight the most tasks published but not yet completed (a GroupSummary on east.groups); 0 = no bound
 * @param awaitCompletion after publishing everything, wait until every task has completed
 * @param stallTimeout give up when waiting for completions and none arrives for this long; null waits forever
 */
public record FeedSettings(int n, int rounds, int startRound, int maxInFlight, boolean awaitCompletion,
        Duration stallTimeout) {

    /** As in the samples format: no sampling setting of the method needs more. */
    public static final int MAX_N = 100_000;

    public FeedSettings {
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("--n must be in [1, " + MAX_N + "], got " + n);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
        }
        if (startRound < 0 || (long) startRound + rounds - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--start-round must be >= 0 and leave room for every round, got "
                    + startRound);
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("--max-in-flight must be >= 1, got " + maxInFlight);
        }
        if (stallTimeout != null && (stallTimeout.isNegative() || stallTimeout.isZero())) {
            throw new IllegalArgumentException("--stall-timeout must be positive, got " + stallTimeout);
        }
    }

    /** Publish everything as fast as the brokers take it, one round. */
    public static FeedSettings unbounded(int n) {
        return new FeedSettings(n, 1, 0, 0, false, null);
    }

    /** Whether the feed has to read east.groups. */
    public boolean tracksCompletions() {
        return maxInFlight > 0 || awaitCompletion;
    }
}
