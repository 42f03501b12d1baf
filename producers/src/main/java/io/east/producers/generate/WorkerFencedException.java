package io.east.producers.generate;

/**
 * Another live process uses this worker's transactional id, so this one must stop: its transactions would keep
 * being refused. Usually two workers were started with the same {@code --worker-id}.
 */
public class WorkerFencedException extends RuntimeException {

    public WorkerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
