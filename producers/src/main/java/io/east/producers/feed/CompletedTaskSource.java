package io.east.producers.feed;

import java.time.Duration;
import java.util.List;

/** Tells the feeder which tasks have completed (in production: GroupSummaries on east.groups). */
public interface CompletedTaskSource extends AutoCloseable {

    /**
     * Positions the source at the present: completions from before this call are not reported. Returns only once
     * positioned, so a task published afterwards cannot complete unseen.
     */
    void start();

    /** Task ids completed since the last call; waits up to {@code timeout} when there are none yet. */
    List<String> poll(Duration timeout);

    @Override
    void close();
}
