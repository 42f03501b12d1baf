package io.east.bench.streams;

import io.east.schemas.topics.EastTopics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Offers a sample log at a fixed rate, task by task as a generator emits them: each task's n samples go out
 * together at the task's slot. The schedule is open-loop (slot t is due at start + t * n / rate), so a slow
 * moment is caught up at once instead of silently lowering the offered load; the only sleeping is the wait for
 * the next slot.
 */
final class PacedSender {

    private final SerializedSampleLog log;
    private final double samplesPerSecond;
    /** When each task's first and last sample were handed to the producer, System.nanoTime. */
    private final long[] firstSend;
    private final long[] lastSend;
    /** When the broker acknowledged each task's last sample (acks=all), System.nanoTime; 0 until then. */
    private final AtomicLongArray lastAck;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long maxLagNanos;

    PacedSender(SerializedSampleLog log, double samplesPerSecond) {
        this.log = log;
        this.samplesPerSecond = samplesPerSecond;
        this.firstSend = new long[log.tasks()];
        this.lastSend = new long[log.tasks()];
        this.lastAck = new AtomicLongArray(log.tasks());
    }

    /** Sends every task on schedule, then flushes. */
    void send(KafkaProducer<byte[], byte[]> producer) {
        double slotNanos = log.n() * 1e9 / samplesPerSecond;
        String topic = EastTopics.SAMPLES.name();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int t = 0; t < log.tasks(); t++) {
            long due = start + (long) (t * slotNanos);
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLagNanos = Math.max(maxLagNanos, now - due);
            firstSend[t] = now;
            int first = t * log.n();
            for (int i = 0; i < log.n(); i++) {
                boolean last = i == log.n() - 1;
                if (last) {
                    lastSend[t] = System.nanoTime();
                }
                int task = t;
                producer.send(new ProducerRecord<>(topic, log.key(first + i), log.value(first + i)),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            } else if (last) {
                                lastAck.set(task, System.nanoTime());
                            }
                        });
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("a paced send failed", failure.get());
        }
    }

    long firstSend(int task) {
        return firstSend[task];
    }

    long lastSend(int task) {
        return lastSend[task];
    }

    long lastAck(int task) {
        return lastAck.get(task);
    }

    /** The furthest any task's slot was sent behind schedule. */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
