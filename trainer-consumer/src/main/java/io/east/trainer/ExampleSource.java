package io.east.trainer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where weighted examples come from, one record at a time, each with its position. */
public interface ExampleSource extends AutoCloseable {

    /**
     * The next record, or empty when none arrived within {@code timeout} (a topic) or there are no more (a file:
     * see {@link #exhausted}).
     */
    Optional<IncomingExample> next(Duration timeout);

    /** True once no record will ever come again: the end of a file. A topic never ends. */
    boolean exhausted();

    /** Per stream key, where this source started reading: every key it reads, so a checkpoint saves them all. */
    Map<String, Long> startPositions();

    /** Told the positions a checkpoint saved, e.g. to commit them to a consumer group for lag monitoring. */
    default void checkpointed(Map<String, Long> positions, long version) {
    }

    /** For logs: what is read. */
    String describe();

    @Override
    void close();
}
