package io.east.producers.generate.openai.sync;

/** One attempt to make the server load a checkpoint failed; the message says why, naming the route or command. */
public final class WeightSyncException extends Exception {

    private final boolean retryable;

    private WeightSyncException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** A failure another attempt may not repeat: a timeout, a 5xx, a refused connection, a load the server failed. */
    public static WeightSyncException retryable(String message) {
        return new WeightSyncException(message, true);
    }

    /** A failure no retry can help: a missing route, a command that cannot start, a 4xx other than 408 and 429. */
    public static WeightSyncException permanent(String message) {
        return new WeightSyncException(message, false);
    }

    public boolean retryable() {
        return retryable;
    }
}
