package io.east.bench.streams;

import io.east.schemas.topics.EastTopics;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (c) Latency from the last sample of a task to its WeightedExample at a fixed offered load, on a fresh experiment
 * app. The first seconds of the load are a warm-up and not counted. Latency is measured twice: from when the last
 * sample was handed to our producer (what a generator sees, includes linger and the broker's append) and from when
 * the broker acknowledged it.
 */
public record LatencyRun(BenchClients clients, Path stateDir, Duration timeout) {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyRun.class);
    /** After the load, how long to keep waiting for examples while none arrives: a backlog still arrives. */
    private static final Duration STALL = Duration.ofSeconds(10);
    private static final Duration SLICE = Duration.ofSeconds(5);

    /**
     * @param offeredPerSecond the rate actually offered over the measured tasks (first-sample sends)
     * @param measuredKept     kept tasks in the measured part, each of which should produce one example
     * @param missing          measured kept tasks whose example never arrived
     * @param drainSeconds     from the last send to the last example received: how far the app had fallen behind
     * @param slices           latency from send per consecutive slice of the measured load: growth means backlog
     */
    public record Result(double targetPerSecond, double offeredPerSecond, double maxLagMs, int measuredTasks,
            int measuredKept, int missing, int unexpected, int duplicates, LatencySummary fromSend,
            LatencySummary fromAck, double drainSeconds, List<Slice> slices, long commitIntervalMs,
            long deadLetters, AppInternals internals) {
    }

    /** Latencies of the tasks offered between {@code fromSecond} and {@code toSecond} of the measured load. */
    public record Slice(int fromSecond, int toSecond, LatencySummary fromSend) {
    }

    public Result run(SerializedSampleLog log, StreamsSettings settings, double samplesPerSecond, Duration warmup)
            throws Exception {
        long dlqBefore = RecordCounter.committedRecords(clients, EastTopics.DLQ.name());
        try (Admin admin = Admin.create(clients.common())) {
            // The new experiment starts at "earliest": without this it would first replay the throughput log.
            TopicOffsets.truncate(admin, EastTopics.SAMPLES.name());
        }
        PacedSender sender = new PacedSender(log, samplesPerSecond);
        ArrivalWatcher watcher;
        AppInternals internals;
        long commitIntervalMs;
        try (StreamsApp app = ExperimentApps.startRunning(clients, settings, stateDir, timeout)) {
            watcher = new ArrivalWatcher(clients, settings.weightedTopic(), log);
            Thread watching = new Thread(watcher, "bench-latency-watcher");
            watching.start();
            LOG.atInfo().addKeyValue("rate", samplesPerSecond).addKeyValue("tasks", log.tasks())
                    .log("offering the paced load");
            try (KafkaProducer<byte[], byte[]> producer = clients.producer("bench-paced")) {
                sender.send(producer);
            }
            awaitArrivals(watcher, log, timeout);
            watcher.stop();
            watching.join();
            internals = AppInternals.of(app.streams());
            commitIntervalMs = commitIntervalMs(app);
        }
        if (watcher.failure() != null) {
            throw new IllegalStateException("the latency watcher failed", watcher.failure());
        }
        long deadLetters = RecordCounter.committedRecords(clients, EastTopics.DLQ.name()) - dlqBefore;
        return summarise(log, sender, watcher, samplesPerSecond, warmup, commitIntervalMs, deadLetters, internals);
    }

    /** Until every kept task's example is in, the app stalls for {@link #STALL}, or the phase times out. */
    private static void awaitArrivals(ArrivalWatcher watcher, SerializedSampleLog log, Duration timeout)
            throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        int expected = log.keptTasks();
        int seen = watcher.receivedKept();
        long lastProgress = now;
        while (seen < expected && watcher.failure() == null && now < deadline
                && now - lastProgress < STALL.toNanos()) {
            Thread.sleep(20);
            now = System.nanoTime();
            int received = watcher.receivedKept();
            if (received > seen) {
                seen = received;
                lastProgress = now;
            }
        }
    }

    private static Result summarise(SerializedSampleLog log, PacedSender sender, ArrivalWatcher watcher,
            double samplesPerSecond, Duration warmup, long commitIntervalMs, long deadLetters,
            AppInternals internals) {
        double slotNanos = log.n() * 1e9 / samplesPerSecond;
        int firstMeasured = (int) Math.ceil(warmup.toNanos() / slotNanos);
        int measuredTasks = log.tasks() - firstMeasured;
        if (measuredTasks < 2) {
            throw new IllegalStateException("no measured tasks after a warm-up of " + warmup);
        }
        long[] fromSend = new long[measuredTasks];
        long[] fromAck = new long[measuredTasks];
        int tasksPerSlice = (int) Math.max(1, Math.round(SLICE.toNanos() / slotNanos));
        List<Slice> slices = new ArrayList<>();
        List<Long> slice = new ArrayList<>();
        int kept = 0;
        int arrived = 0;
        long lastArrival = 0;
        for (int t = firstMeasured; t < log.tasks(); t++) {
            if (log.kept(t)) {
                kept++;
                long at = watcher.received(t);
                if (at != 0) {
                    fromSend[arrived] = at - sender.lastSend(t);
                    fromAck[arrived] = at - sender.lastAck(t);
                    slice.add(fromSend[arrived]);
                    lastArrival = Math.max(lastArrival, at);
                    arrived++;
                }
            }
            int index = t - firstMeasured;
            if ((index + 1) % tasksPerSlice == 0 || t == log.tasks() - 1) {
                int sliceStart = index / tasksPerSlice * tasksPerSlice;
                slices.add(new Slice((int) Math.round(sliceStart * slotNanos / 1e9),
                        (int) Math.round((index + 1) * slotNanos / 1e9),
                        LatencySummary.ofNanos(slice.stream().mapToLong(Long::longValue).toArray())));
                slice.clear();
            }
        }
        double offered = (double) (measuredTasks - 1) * log.n()
                / ((sender.firstSend(log.tasks() - 1) - sender.firstSend(firstMeasured)) / 1e9);
        double drain = Math.max(0, lastArrival - sender.lastSend(log.tasks() - 1)) / 1e9;
        return new Result(samplesPerSecond, offered, sender.maxLagNanos() / 1e6, measuredTasks, kept,
                kept - arrived, watcher.unexpected(), watcher.duplicates(),
                LatencySummary.ofNanos(Arrays.copyOf(fromSend, arrived)),
                LatencySummary.ofNanos(Arrays.copyOf(fromAck, arrived)), drain, slices,
                commitIntervalMs, deadLetters, internals);
    }

    /** The commit interval Kafka Streams uses for this app: the app's default unless --app-config set one. */
    static long commitIntervalMs(StreamsApp app) {
        return new StreamsConfig(app.properties()).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }
}
