package io.east.bench.streams;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own ProducerPerformance against the embedded broker: the broker's raw throughput for our record size.
 *
 * <p>It runs in a child JVM on this module's classpath, as kafka-producer-perf-test.sh would run it: its
 * {@code main} ends in {@code Exit.exit} on bad arguments and reports only on System.out, so calling it in-process
 * would mean hijacking this JVM's stdout and exit. The child's lines are echoed, then its final summary is parsed.
 */
public final class ProducerPerfRun {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerPerfRun.class);

    /** The tool's final line, e.g. "300000 records sent, 151285.9 records/sec (103.2 MB/sec), ... 99.9th." */
    private static final Pattern TOTAL = Pattern.compile("^(\\d+)( steady state)? records sent, ([0-9.]+) records/sec "
            + "\\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th\\.$");

    /** One summary line of the tool. MB is its MiB (2^20 bytes). */
    public record Summary(long records, boolean steadyState, double recordsPerSecond, double mbPerSecond,
            double avgLatencyMs, double maxLatencyMs, int p50Ms, int p95Ms, int p99Ms) {
    }

    /** The whole-run summary, and the one after the warm-up records when the tool printed it. */
    public record Result(List<String> command, Summary total, Summary steady) {
        /** The figure the streams app is compared with: the higher of the two, so the ratio is never flattered. */
        public Summary reference() {
            return steady != null && steady.recordsPerSecond() > total.recordsPerSecond() ? steady : total;
        }
    }

    private ProducerPerfRun() {
    }

    public static Result run(String bootstrap, String topic, long records, long warmupRecords, int recordSize,
            PrintStream echo) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Decimal points in the tool's printf must not follow the machine's locale.
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        // The tool's client would otherwise log at DEBUG on stdout, among the lines parsed here.
        command.add("-Dlogback.configurationFile=bench-logback.xml");
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(ProducerPerformance.class.getName());
        command.addAll(List.of("--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1"));
        if (warmupRecords > 0) {
            command.addAll(List.of("--warmup-records", Long.toString(warmupRecords)));
        }
        command.add("--command-property");
        command.addAll(BenchClients.producerSettingWords());

        LOG.atInfo().addKeyValue("records", records).addKeyValue("record_size", recordSize)
                .log("running ProducerPerformance in a child JVM");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Summary total = null;
        Summary steady = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                echo.println("    | " + line);
                Summary summary = parse(line);
                if (summary != null && summary.steadyState()) {
                    steady = summary;
                } else if (summary != null) {
                    total = summary;
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not exit");
        }
        if (process.exitValue() != 0 || total == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue()
                    + (total == null ? ", no summary line" : "") + ")");
        }
        return new Result(command, total, steady);
    }

    /** The summary in one line of the tool's output, or null when the line is a progress line. */
    static Summary parse(String line) {
        Matcher m = TOTAL.matcher(line.trim());
        if (!m.matches()) {
            return null;
        }
        return new Summary(Long.parseLong(m.group(1)), m.group(2) != null, Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)));
    }

    /** The child may start in another directory one day; relative entries (java -jar bench/...) would break. */
    private static String absoluteClassPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<String> absolute = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, absolute);
    }
}
