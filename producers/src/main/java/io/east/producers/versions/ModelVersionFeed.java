package io.east.producers.versions;

import io.east.schemas.ModelVersion;
import java.time.Duration;
import java.util.Optional;

/** Where announcements of new model versions for one key come from (east.model-versions, or a fixed list in tests). */
public interface ModelVersionFeed extends AutoCloseable {

    /** "main", or the experiment whose versions are followed. */
    String key();

    /**
     * Reads what has arrived within {@code timeout} ({@link Duration#ZERO}: only what is already there, without
     * waiting) and returns the highest version announced for the key so far.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    Optional<ModelVersion> poll(Duration timeout) throws InterruptedException;

    /**
     * Reads everything announced so far, waiting at most {@code timeout} for it, and returns the highest version: what
     * a process that starts should serve first. The default reads what arrives within the timeout.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    default Optional<ModelVersion> pollToEnd(Duration timeout) throws InterruptedException {
        return poll(timeout);
    }

    @Override
    void close();
}
