package io.east.bench.imports;

import io.east.bench.BenchMain;
import io.east.bench.Median;
import io.east.bench.data.SyntheticGenerations;
import io.east.bench.streams.BenchClients;
import io.east.bench.streams.ProducerPerfRun;
import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.formats.InputFormat;
import io.east.formats.JsonLines;
import io.east.formats.QwenEvalFormat;
import io.east.producers.imports.ImportReport;
import io.east.producers.imports.ImportSettings;
import io.east.producers.imports.QwenEvalSamples;
import io.east.producers.imports.SampleImporter;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * 'east import' on a generated qwen-eval file against an embedded broker, in records (samples) published per second,
 * beside Kafka's ProducerPerformance on the same broker at the same mean record size. Both produce with the same
 * settings ({@link BenchClients#PRODUCER_SETTINGS}); each round runs the import, then ProducerPerformance, and the
 * median ratio is the headline. The import is timed whole (producer start to the last acknowledgement), while
 * ProducerPerformance gets the better of its whole run and its second half, so the ratio never flatters the import.
 * Prints; asserts nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure 'east import' in samples published per second on an in-process broker, against "
                + "Kafka's ProducerPerformance at the same record size (goal: at least 0.5x)."})
public final class ImportBench implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportBench.class);
    private static final String PERF_TOPIC = "bench.import-perf";
    static final double GOAL = 0.5;

    @Option(names = "--questions", defaultValue = "1000", description = "Questions in the file (default: ${DEFAULT-VALUE}).")
    private int questions;

    @Option(names = "--n", defaultValue = "64", description = "Responses per question (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--response-chars", paramLabel = "C", defaultValue = "560",
            description = "Length of each response; 0 for one-line responses (default: ${DEFAULT-VALUE}).")
    private int responseChars;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of import then ProducerPerformance "
            + "(default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        if (questions < 1 || n < 1 || rounds < 1 || responseChars < 0) {
            System.err.println("bench: --questions, --n and --rounds must be >= 1, --response-chars >= 0");
            return BenchMain.USAGE;
        }
        quietKafkaLogs();
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("east-bench-import");
        Path file = dir.resolve("generations.jsonl");
        SyntheticGenerations.writeQwenEval(file, questions, n, responseChars, 42);
        int recordSize = meanRecordBytes(file);
        out.printf(Locale.ROOT, "import bench: %d questions x n=%d = %d samples, responses of %d characters, file "
                + "%.1f MB; mean record %d bytes (task id key + Avro ReasoningSample); %d cores, Java %s%n",
                questions, n, questions * n, responseChars, Files.size(file) / 1e6, recordSize,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.println("both producers: " + String.join(" ", BenchClients.producerSettingWords()));
        double[] ratios = new double[rounds];
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.defaults()).start()) {
            prepareTopics(broker.bootstrapServers());
            for (int round = 1; round <= rounds; round++) {
                double imported = importRate(broker.bootstrapServers(), file);
                // Its figure is the better of its whole run and the half after its JVM has warmed up.
                long records = (long) questions * n;
                ProducerPerfRun.Result perf = ProducerPerfRun.run(broker.bootstrapServers(), PERF_TOPIC, records,
                        records / 2, recordSize, out);
                double reference = perf.reference().recordsPerSecond();
                ratios[round - 1] = imported / reference;
                out.printf(Locale.ROOT, "round %d: east import %,.0f samples/s, ProducerPerformance %,.0f records/s, "
                        + "ratio %.2f%n", round, imported, reference, ratios[round - 1]);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        double median = Median.of(ratios);
        out.printf(Locale.ROOT, "median ratio %.2f (goal >= %.1f: %s)%n", median, GOAL,
                median >= GOAL ? "met" : "not met");
        return BenchMain.OK;
    }

    /** The bench jar has no logging file of its own; the broker's INFO and DEBUG lines would bury the figures. */
    private static void quietKafkaLogs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /** Samples acknowledged per second by one whole import of the file, producer start and final flush included. */
    private static double importRate(String bootstrap, Path file) throws Exception {
        Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
        client.putAll(BenchClients.PRODUCER_SETTINGS);
        long start = System.nanoTime();
        ImportReport report;
        try (SampleImporter importer = SampleImporter.connect(client)) {
            report = importer.run(new ImportSettings(InputFormat.QWEN_EVAL, file, null, null), line -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.ok()) {
            throw new IllegalStateException("the import did not publish every sample: " + report);
        }
        LOG.atInfo().addKeyValue("samples", report.samplesPublished()).addKeyValue("seconds", seconds)
                .log("import measured");
        return report.samplesPublished() / seconds;
    }

    /** What ProducerPerformance is asked to send: the mean key plus value bytes of the import's records. */
    private static int meanRecordBytes(Path file) throws Exception {
        Serializer<ReasoningSample> serializer = EastSerdes.reasoningSample().serializer();
        long bytes = 0;
        long records = 0;
        try (JsonLines lines = JsonLines.open(file)) {
            for (JsonLines.Line line : lines) {
                for (ReasoningSample sample : QwenEvalSamples.of(QwenEvalFormat.parse(line.json()),
                        ImportSettings.DEFAULT_DATASET, 0, Instant.EPOCH)) {
                    bytes += sample.getTaskId().getBytes(StandardCharsets.UTF_8).length
                            + serializer.serialize(EastTopics.SAMPLES.name(), sample).length;
                    records++;
                }
            }
        }
        return (int) Math.round((double) bytes / records);
    }

    private static void prepareTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            // Both topics are in place, every partition with a leader, before anything is produced.
            TopicCreator.ensureAll(admin);
            TopicCreator.ensureTopics(admin, List.of(new TopicSpec(PERF_TOPIC, EastTopics.SAMPLES.partitions(),
                    Map.of(), byte[].class)), TopicCreator.BROKER_DEFAULT_REPLICATION);
        }
    }
}
