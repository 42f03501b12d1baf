package io.east.producers.generate;

import java.util.concurrent.atomic.AtomicLong;

/** Updated by the worker thread, read by anyone (logs, tests, the CLI on exit). */
final class WorkerCounters {

    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();

    void committed(long taskCount, long sampleCount, long deadLetterCount) {
        tasks.addAndGet(taskCount);
        samples.addAndGet(sampleCount);
        deadLetters.addAndGet(deadLetterCount);
        transactions.incrementAndGet();
    }

    void aborted() {
        aborted.incrementAndGet();
    }

    WorkerStats snapshot() {
        return new WorkerStats(tasks.get(), samples.get(), deadLetters.get(), transactions.get(), aborted.get());
    }
}
