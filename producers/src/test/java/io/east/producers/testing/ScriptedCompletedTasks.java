package io.east.producers.testing;

import io.east.producers.feed.CompletedTaskSource;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Completions decided by the test at each poll, so that throttling can be checked step by step without a broker. */
public final class ScriptedCompletedTasks implements CompletedTaskSource {

    private final Supplier<List<String>> onPoll;
    private final Runnable onStart;
    private int polls;
    private boolean started;

    public ScriptedCompletedTasks(Runnable onStart, Supplier<List<String>> onPoll) {
        this.onStart = onStart;
        this.onPoll = onPoll;
    }

    @Override
    public void start() {
        started = true;
        onStart.run();
    }

    @Override
    public List<String> poll(Duration timeout) {
        if (!started) {
            throw new IllegalStateException("polled before start()");
        }
        polls++;
        return onPoll.get();
    }

    public int polls() {
        return polls;
    }

    @Override
    public void close() {
    }
}
