package io.east.producers.generate.openai.sync;

import java.util.concurrent.atomic.AtomicLong;

/** What weight sync did, updated by the syncing thread and read by anyone (meters, logs, tests). */
public final class WeightSyncCounters {

    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong loadNanos = new AtomicLong();
    private final AtomicLong lastLoadNanos = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pausedNanos = new AtomicLong();

    void loaded(long nanos) {
        loads.incrementAndGet();
        loadNanos.addAndGet(nanos);
        lastLoadNanos.set(nanos);
    }

    void failed() {
        failures.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void paused(long nanos) {
        pausedNanos.addAndGet(nanos);
    }

    /** Versions the server was made to serve. */
    public long loads() {
        return loads.get();
    }

    /** Seconds from asking for each loaded version to its confirmation, retries included, summed. */
    public double loadSeconds() {
        return loadNanos.get() / 1e9;
    }

    /** The latest successful sync's seconds, 0 before the first. */
    public double lastLoadSeconds() {
        return lastLoadNanos.get() / 1e9;
    }

    /** Versions given up on after every attempt failed: the server kept the version it had. */
    public long failures() {
        return failures.get();
    }

    /** Attempts repeated after a failure. */
    public long retries() {
        return retries.get();
    }

    /** Announced checkpoints refused because they are not under the checkpoint root. */
    public long refusedPointers() {
        return refused.get();
    }

    /** Seconds generation waited for syncs, failed ones included. */
    public double pausedSeconds() {
        return pausedNanos.get() / 1e9;
    }
}
