package io.east.bench.streams;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import io.east.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The streams benchmark in one run on one embedded broker: (a) the broker's raw throughput with Kafka's
 * ProducerPerformance at our record size, (b) samples/s through the streams app with exactly-once, (c) latency
 * from a task's last sample to its WeightedExample at a fixed offered load. Prints everything needed to judge the
 * figures, then a summary against the goals; the exit code does not depend on the goals.
 */
@Command(name = "streams", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure on an in-process broker, once --warmup-replays replays of a pre-produced sample log "
                + "by other apps have warmed it up, in --rounds rounds of (a) then (b): (a) ProducerPerformance "
                + "records/s at our record size, (b) samples/s through a new streams app (exactly_once_v2, scope "
                + "fixed:1) replaying the log; the median round's ratio is the headline. Then (c) p50/p99 latency "
                + "from a task's last sample to its WeightedExample at a fixed rate.",
            "Goals: (b)/(a) >= 0.5 and p99 < 1 s at 5,000 samples/s."})
public final class StreamsBench implements Callable<Integer> {

    static final String PERF_TOPIC = "bench.producer-perf";
    static final String THROUGHPUT_EXPERIMENT = "bench-throughput";
    static final String WARMUP_EXPERIMENT = "bench-warmup";
    static final String LATENCY_EXPERIMENT = "bench-latency";
    static final double RATIO_GOAL = 0.5;
    static final double P99_GOAL_MS = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "40000", description = "Tasks in the (b) log (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--n", defaultValue = "8", description = "Samples per task (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--response-chars", defaultValue = "600",
            description = "Length of each response text (default: ${DEFAULT-VALUE}).")
    int responseChars;

    @Option(names = "--perf-records", defaultValue = "600000",
            description = "Records ProducerPerformance sends in (a) (default: ${DEFAULT-VALUE}).")
    long perfRecords;

    @Option(names = "--perf-warmup-records", defaultValue = "300000",
            description = "Of those, how many ProducerPerformance leaves out of its steady-state line: as many as "
                    + "(b)'s warm-up replay, since the tool's own JVM warms up too (default: ${DEFAULT-VALUE}; 0 for "
                    + "none).")
    long perfWarmupRecords;

    @Option(names = "--warmup-replays", defaultValue = "5",
            description = "Replays of the (b) log by other apps before anything is measured, not counted: they warm "
                    + "the broker and the app, which share this JVM, so that (a) and (b) are measured once the JIT has "
                    + "compiled their hot paths, as in a broker and an app that run for days; ProducerPerformance's "
                    + "own JVM is warmed by --perf-warmup-records (default: ${DEFAULT-VALUE}; 0 measures cold).")
    int warmupReplays;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Measured rounds, each (a) then (b) on a new app; the headline is the median round's "
                    + "ratio (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rate", defaultValue = "5000", description = "Offered samples/s in (c) (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--warmup-seconds", defaultValue = "5",
            description = "Seconds of (c)'s load not counted (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--seconds", defaultValue = "25",
            description = "Measured seconds of (c)'s load (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--timeout-seconds", defaultValue = "600",
            description = "Give up on a phase after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--app-config", paramLabel = "KEY=VALUE",
            description = "A Kafka Streams or client setting for the streams apps of (b) and (c), as "
                    + "'east streams -X KEY=VALUE' gives it; repeatable (default: none, the app's own defaults).")
    Map<String, String> appConfig = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic samples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintStream out = System.out;
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        CpuUse benchStart = CpuUse.now();
        out.println("streams bench: " + MachineFacts.describe());

        SerializedSampleLog log = SerializedSampleLog.generate("bench", tasks, n, responseChars, seed,
                settings(THROUGHPUT_EXPERIMENT).weighting().analyzer());
        int recordSize = log.averageRecordBytes();
        out.printf(Report.LOCALE, "record: %d bytes (key %.1f + value %.1f, Avro single-object "
                + "ReasoningSample with a %d-char response), no compression%n", recordSize,
                log.averageKeyBytes(), log.averageValueBytes(), responseChars);
        out.println("our producers: " + String.join(" ", BenchClients.producerSettingWords()));
        out.println("streams app settings given (--app-config): " + (appConfig.isEmpty() ? "none, the app's defaults"
                : appConfig.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(" "))));

        Path stateDir = Files.createTempDirectory("east-bench-streams");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.defaults()).start()) {
            BenchClients clients = new BenchClients(broker.bootstrapServers(), appConfig);
            prepareTopics(clients);
            out.println("broker: embedded KRaft broker+controller in this JVM at " + broker.bootstrapServers()
                    + ", data in " + broker.dataDir());

            ThroughputRun run = new ThroughputRun(clients, stateDir.resolve("throughput"), timeout);
            out.printf(Report.LOCALE, "%nsample log for (b): %,d tasks x n=%d = %,d samples (%.1f MB) pre-produced to "
                    + "east.samples, replayed from the start by each new app%n", log.tasks(), log.n(), log.samples(),
                    log.totalBytes() / 1e6);
            double produceSeconds = run.produce(log);
            out.printf(Report.LOCALE, "  pre-produced by our producer in %.2f s (%,.0f samples/s, acknowledged and "
                    + "flushed)%n", produceSeconds, log.samples() / produceSeconds);
            warmUp(out, run, log);

            List<Round> rounds = new ArrayList<>();
            for (int i = 1; i <= this.rounds; i++) {
                rounds.add(measureRound(out, clients, run, log, i, recordSize));
            }
            Report.rounds(out, rounds);
            log = null; // about 200 MB the latency phase does not need

            StreamsSettings latencySettings = settings(LATENCY_EXPERIMENT);
            int latencyTasks = (int) Math.ceil(rate * (warmupSeconds + seconds) / n);
            SerializedSampleLog paced = SerializedSampleLog.generate("bench-latency", latencyTasks, n, responseChars, seed + 1,
                    latencySettings.weighting().analyzer());
            out.printf(Report.LOCALE, "%n(c) latency: east.samples emptied (deleteRecords), new app (experiment "
                    + "%s, exactly_once_v2, scope %s); %,d tasks x n=%d offered at %,.0f samples/s, each task's "
                    + "samples together; first %d s not counted%n", LATENCY_EXPERIMENT,
                    latencySettings.weighting().scope().id(), paced.tasks(), n, rate, warmupSeconds);
            CpuUse before = CpuUse.now();
            LatencyRun.Result latency = new LatencyRun(clients, stateDir.resolve("latency"), timeout)
                    .run(paced, latencySettings, rate, Duration.ofSeconds(warmupSeconds));
            Report.cpu(out, before);
            Report.latency(out, latency);

            Report.summary(out, rounds, latency, benchStart);
        } finally {
            Utils.delete(stateDir.toFile());
        }
        return 0;
    }

    /**
     * Replays by other apps, not counted, before anything is measured: they warm the broker and the app alike (both
     * live in this JVM), so that (a) and (b) are measured once the JIT has compiled the hot paths, as in a broker and
     * an app that run for days.
     */
    private void warmUp(PrintStream out, ThroughputRun run, SerializedSampleLog log) throws Exception {
        out.printf(Report.LOCALE, "warm-up: %d replay(s) of the log by other apps, not counted, before (a) and (b)%n",
                warmupReplays);
        for (int i = 1; i <= warmupReplays; i++) {
            CpuUse replayStart = CpuUse.now();
            ThroughputRun.Result warmup = run.replay(log, settings(WARMUP_EXPERIMENT + "-" + i));
            CpuUse replayEnd = CpuUse.now();
            out.printf(Report.LOCALE, "  warm-up replay %d of %d (experiment %s-%d): %,.0f samples/s, %,d "
                    + "WeightedExamples; JIT compiling %.2f cores%n", i, warmupReplays, WARMUP_EXPERIMENT, i,
                    warmup.samplesPerSecond(), warmup.weighted(),
                    replayEnd == null ? Double.NaN : replayEnd.jitCoresSince(replayStart));
        }
    }

    private Round measureRound(PrintStream out, BenchClients clients, ThroughputRun run, SerializedSampleLog log,
            int round, int recordSize) throws Exception {
        boolean first = round == 1;
        out.printf(Report.LOCALE, "%n(a) round %d of %d: ProducerPerformance, %,d records of %d bytes to %s "
                + "(6 partitions), --throughput -1, %s%n", round, rounds, perfRecords, recordSize, PERF_TOPIC,
                String.join(" ", BenchClients.producerSettingWords()));
        TopicBytes beforePerf = topicBytes(clients);
        CpuUse perfStart = CpuUse.now();
        ProducerPerfRun.Result perf = ProducerPerfRun.run(clients.bootstrap(), PERF_TOPIC, perfRecords,
                perfWarmupRecords, recordSize, out);
        CpuUse perfEnd = CpuUse.now();
        Report.cpu(out, perfStart);
        Report.perf(out, perf);
        TopicBytes afterPerf = topicBytes(clients);
        if (first) {
            afterPerf.printSince(out, beforePerf, perfRecords, "record");
        }

        String experiment = THROUGHPUT_EXPERIMENT + "-" + round;
        out.printf(Report.LOCALE, "(b) round %d of %d: a new app (experiment %s, exactly_once_v2, scope %s) "
                + "replays the log%n", round, rounds, experiment, settings(experiment).weighting().scope().id());
        CpuUse replayStart = CpuUse.now();
        ThroughputRun.Result throughput = run.replay(log, settings(experiment));
        CpuUse replayEnd = CpuUse.now();
        Report.cpu(out, replayStart);
        Report.throughput(out, throughput, perf.reference().recordsPerSecond());
        if (first) {
            topicBytes(clients).printSince(out, afterPerf, throughput.samples(), "sample",
                    topic -> !topic.contains(WARMUP_EXPERIMENT));
        }
        return new Round(perf, throughput, jitCores(perfStart, perfEnd), jitCores(replayStart, replayEnd));
    }

    private static double jitCores(CpuUse start, CpuUse end) {
        return start == null || end == null ? Double.NaN : end.jitCoresSince(start);
    }

    private void validate() {
        if (tasks < 1 || n < 2 || responseChars < 1 || perfRecords < 1 || rate <= 0 || seconds < 1
                || warmupSeconds < 0 || timeoutSeconds < 1 || warmupReplays < 0 || rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--tasks, --response-chars, --perf-records, --rate, "
                    + "--seconds, --timeout-seconds and --rounds must be >= 1, --n >= 2, --warmup-seconds and "
                    + "--warmup-replays >= 0");
        }
        if (perfWarmupRecords < 0 || perfWarmupRecords >= perfRecords) {
            throw new ParameterException(spec.commandLine(), "--perf-warmup-records must be in [0, --perf-records)");
        }
    }

    /** The streams command's defaults except the scope: fixed:1 emits each kept task's example at once. */
    static StreamsSettings settings(String experiment) {
        WeightingSettings weighting = new WeightingSettings(WeightStrategy.ENTROPY, 1.0, Scope.parse("fixed:1"),
                Clustering.EXACT, SelectionRules.STANDARD, 0);
        return new StreamsSettings(experiment, weighting, StreamsSettings.DEFAULT_GROUP_TIMEOUT,
                StreamsSettings.DEFAULT_MIN_SAMPLES, StreamsSettings.DEFAULT_LATE_RETENTION, 64);
    }

    private static TopicBytes topicBytes(BenchClients clients) throws Exception {
        try (Admin admin = Admin.create(clients.common())) {
            return TopicBytes.of(admin);
        }
    }

    private void prepareTopics(BenchClients clients) throws Exception {
        try (Admin admin = Admin.create(clients.common())) {
            List<String> experiments = new ArrayList<>(List.of(LATENCY_EXPERIMENT));
            for (int i = 1; i <= warmupReplays; i++) {
                experiments.add(WARMUP_EXPERIMENT + "-" + i);
            }
            for (int i = 1; i <= rounds; i++) {
                experiments.add(THROUGHPUT_EXPERIMENT + "-" + i);
            }
            // Both create and then wait until every partition's leader answers, before anything is produced.
            TopicCreator.ensureAll(admin, experiments.toArray(String[]::new));
            TopicCreator.ensureTopics(admin, List.of(new TopicSpec(PERF_TOPIC, EastTopics.SAMPLES.partitions(),
                    Map.of(), byte[].class)), TopicCreator.BROKER_DEFAULT_REPLICATION);
        }
    }
}
