package io.east.cli.common;

import java.time.Duration;
import java.util.Objects;

/**
 * A shutdown hook for the length of one run: on SIGTERM or Ctrl-C it asks the run to stop and waits, up to a grace
 * period, until the run has finished cleanly, since the JVM exits as soon as its hooks return. Closing removes the
 * hook, so a run that ended on its own leaves nothing behind.
 */
public final class StopOnSignal implements AutoCloseable {

    /** Waits until the run has finished; false when the timeout passed first. */
    @FunctionalInterface
    public interface Finished {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private final Thread hook;

    private StopOnSignal(Thread hook) {
        this.hook = hook;
    }

    public static StopOnSignal install(String name, Runnable stop, Finished finished, Duration grace) {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(finished, "finished");
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnSignal(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and this hook is running: nothing to remove.
        }
    }
}
