package io.east.bench.streams;

import io.east.schemas.topics.EastTopics;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (b) Samples per second through the streams app with exactly-once: the log is produced once, then each new
 * experiment app replays it from the start (the bench's warm-up replays and its measured ones alike); the clock runs
 * from the app reaching RUNNING until its committed offsets reach the end of east.samples. Committing is what makes
 * the work count under exactly-once, so that is where it stops.
 */
public record ThroughputRun(BenchClients clients, Path stateDir, Duration timeout) {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputRun.class);
    private static final long POLL_MILLIS = 100;
    /** The share of the log the "once warm" figure leaves out, as (a)'s steady state leaves out its first records. */
    static final double WARMUP_SHARE = 0.1;

    /**
     * @param startSeconds    from {@code start()} to RUNNING: topic checks, group join, task creation
     * @param processSeconds  from RUNNING to committed offsets at the end: the measured interval
     * @param weighted        WeightedExamples read back with read_committed
     * @param steadySamples   samples committed after the first {@link #WARMUP_SHARE} of the log, and
     * @param steadySeconds   the time they took: the app's rate once warm (class loading, JIT), reported beside
     *                        (b) as (a)'s steady state is beside its whole run; NaN when no poll fell in between
     */
    public record Result(int samples, double startSeconds, double processSeconds,
            long weighted, int expectedKept, long deadLetters, AppInternals internals, long steadySamples,
            double steadySeconds) {
        public double samplesPerSecond() {
            return samples / processSeconds;
        }

        public double steadySamplesPerSecond() {
            return steadySamples / steadySeconds;
        }
    }

    /**
     * Replays the log, which {@link #produce} wrote to east.samples, with a new app of these settings (its own
     * experiment, so each replay starts from the beginning).
     */
    public Result replay(SerializedSampleLog log, StreamsSettings settings) throws Exception {
        try (Admin admin = Admin.create(clients.common())) {
            Map<TopicPartition, Long> end = TopicOffsets.end(admin, EastTopics.SAMPLES.name(), OffsetSpec.latest());
            long dlqBefore = RecordCounter.committedRecords(clients, EastTopics.DLQ.name());
            long begin = System.nanoTime();
            long running;
            Progress done;
            AppInternals internals;
            try (StreamsApp app = ExperimentApps.startRunning(clients, settings, stateDir, timeout)) {
                running = System.nanoTime();
                done = awaitCommitted(admin, settings.applicationId(), end, running);
                internals = AppInternals.of(app.streams());
            }
            long weighted = RecordCounter.committedRecords(clients, settings.weightedTopic());
            long deadLetters = RecordCounter.committedRecords(clients, EastTopics.DLQ.name()) - dlqBefore;
            return new Result(log.samples(), seconds(running - begin), seconds(done.end() - running),
                    weighted, log.keptTasks(), deadLetters, internals, log.samples() - done.warmSamples(),
                    done.warmAt() == 0 ? Double.NaN : seconds(done.end() - done.warmAt()));
        }
    }

    /** Writes the log to east.samples, acknowledged and flushed; the seconds it took. */
    public double produce(SerializedSampleLog log) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = clients.producer("bench-preload")) {
            for (int i = 0; i < log.samples(); i++) {
                producer.send(new ProducerRecord<>(EastTopics.SAMPLES.name(), log.key(i), log.value(i)),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            } else {
                                acked.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        }
        double seconds = seconds(System.nanoTime() - begin);
        if (failure.get() != null || acked.get() != log.samples()) {
            throw new IllegalStateException("pre-producing failed: " + acked.get() + " of " + log.samples()
                    + " acknowledged", failure.get());
        }
        return seconds;
    }

    /**
     * When the committed offsets reached the end, and when they first passed {@link #WARMUP_SHARE} of it (0 when
     * no poll saw them between the two) with how many samples were committed then.
     */
    private record Progress(long end, long warmAt, long warmSamples) {
    }

    /** Polls the group's committed offsets; the finish time is late by at most one poll interval. */
    private Progress awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> end, long since)
            throws InterruptedException, ExecutionException {
        long deadline = since + timeout.toNanos();
        long nextLog = since + TimeUnit.SECONDS.toNanos(5);
        long target = end.values().stream().mapToLong(Long::longValue).sum();
        long warmAt = 0;
        long warmSamples = 0;
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            long now = System.nanoTime();
            Map<TopicPartition, Long> positions = new HashMap<>();
            committed.forEach((tp, offset) -> positions.put(tp, offset == null ? 0L : offset.offset()));
            boolean complete = end.entrySet().stream()
                    .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (complete) {
                return new Progress(now, warmAt, warmSamples);
            }
            long committedSum = end.keySet().stream().mapToLong(tp -> Math.min(positions.getOrDefault(tp, 0L),
                    end.get(tp))).sum();
            if (warmAt == 0 && committedSum >= WARMUP_SHARE * target) {
                warmAt = now;
                warmSamples = committedSum;
            }
            if (now > deadline) {
                throw new IllegalStateException("the streams app did not catch up within " + timeout);
            }
            if (now > nextLog) {
                long sum = end.keySet().stream().mapToLong(tp -> positions.getOrDefault(tp, 0L)).sum();
                LOG.atInfo().addKeyValue("committed", sum).addKeyValue("of", target).log("streams app progress");
                nextLog = now + TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
