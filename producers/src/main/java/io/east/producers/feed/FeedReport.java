package io.east.producers.feed;

import java.util.List;

/**
 * The outcome of a feed.
 *
 * @param published tasks acknowledged by the brokers
 * @param failed tasks whose send failed, each as "TASK_ID: error"
 * @param completed the feed's tasks whose GroupSummary was seen (0 when completions were not tracked)
 * @param inFlight tasks published but not seen completing when the feed ended
 * @param outcome how the feed ended
 */
public record FeedReport(long published, List<String> failed, long completed, int inFlight, Outcome outcome) {

    public enum Outcome {
        /** Every task was published (and, when asked, completed). */
        FINISHED,
        /** stop() was called. */
        STOPPED,
        /** No completion arrived within the stall timeout. */
        STALLED,
        /** A send failed in a way that would fail every later send too. */
        ABORTED
    }

    public FeedReport {
        failed = List.copyOf(failed);
    }

    public boolean ok() {
        return failed.isEmpty() && outcome == Outcome.FINISHED;
    }
}
