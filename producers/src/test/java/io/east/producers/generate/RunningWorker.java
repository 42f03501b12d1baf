package io.east.producers.generate;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A worker on a thread of its own for integration tests; closing stops it and surfaces any failure. */
public final class RunningWorker implements AutoCloseable {

    private final GeneratorWorker worker;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<WorkerStats> run;

    private RunningWorker(GeneratorWorker worker) {
        this.worker = worker;
        this.run = thread.submit(worker::run);
    }

    public static RunningWorker start(Map<String, Object> clientProperties, WorkerSettings settings,
            GenerationBackend backend) {
        return new RunningWorker(GeneratorWorker.create(clientProperties, settings, backend));
    }

    public WorkerStats stats() {
        return worker.stats();
    }

    java.util.Set<org.apache.kafka.common.TopicPartition> assigned() {
        return worker.assignedPartitions();
    }

    /** What ended a worker that stopped on its own, or null while it runs (or when it stopped cleanly). */
    Throwable failure() {
        if (!run.isDone()) {
            return null;
        }
        try {
            run.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the worker's outcome", e);
        }
    }

    /** Stops the worker and returns what it committed. */
    public WorkerStats stop() throws ExecutionException, TimeoutException {
        worker.stop();
        try {
            return run.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the worker", e);
        } finally {
            thread.shutdownNow();
        }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        if (!run.isDone()) {
            stop();
        }
    }
}
