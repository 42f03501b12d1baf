package io.east.producers.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The outcome of every send of a run, each tied to what the caller needs to report it (a line number, a task id).
 * Callbacks run on the producer's I/O thread, hence the concurrent collections. After {@code producer.flush()}
 * returns every callback has run, so the counts are final.
 *
 * @param <C> what identifies a send in a report
 */
public final class SendTracker<C> {

    /** A send that failed, and why. */
    public record Failure<C>(C context, Exception error) {
    }

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final ConcurrentLinkedQueue<Failure<C>> failures = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Exception> fatal = new AtomicReference<>();

    /** The callback of one send; {@code onFailure} runs on the producer's I/O thread. */
    public Callback callback(C context, Consumer<C> onFailure) {
        sent.incrementAndGet();
        return (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else {
                failed(context, error);
                onFailure.accept(context);
            }
        };
    }

    public Callback callback(C context) {
        return callback(context, ignored -> { });
    }

    /** For a send that threw instead of returning a future, so it got no callback. */
    public void failedSynchronously(C context, Exception error) {
        sent.incrementAndGet();
        failed(context, error);
    }

    private void failed(C context, Exception error) {
        failures.add(new Failure<>(context, error));
        if (!isRecordSpecific(error)) {
            fatal.compareAndSet(null, error);
        }
    }

    /**
     * Only the record was wrong (too large, not serialisable): the next record may well go through. Anything else
     * (timeouts, authorisation, a closed producer) would fail every later send too, each after max.block.ms, so the
     * run should stop instead.
     */
    static boolean isRecordSpecific(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof SerializationException
                || error instanceof InvalidRecordException;
    }

    /** The first failure that is not specific to its record: when present, stop sending. */
    public Optional<Exception> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    public long sent() {
        return sent.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public List<Failure<C>> failures() {
        return new ArrayList<>(failures);
    }
}
