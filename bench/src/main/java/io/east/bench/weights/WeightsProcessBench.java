package io.east.bench.weights;

import io.east.bench.Median;
import io.east.bench.data.SyntheticGenerations;
import io.east.model.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 'east weights' as a user runs it: a whole process on a generated qwen-eval file, JVM start included, timed in wall
 * and CPU seconds. With a {@link ReferencePreprocessing}, the reference's Python preprocessing runs on the same file,
 * alternating with east so that both see the same machine, and the ratios are printed. Each figure is the median of
 * the measured rounds, after one uncounted round (the page cache, the launcher's class-data archive, Python's
 * bytecode cache). Prints; asserts nothing.
 */
public final class WeightsProcessBench {

    private static final Logger LOG = LoggerFactory.getLogger(WeightsProcessBench.class);

    /** The goals: at least twice the reference's speed, and no more of its CPU time. */
    static final double SPEED_GOAL = 2.0;
    static final double CPU_GOAL = 1.0;

    /**
     * @param east the command that runs east, e.g. the ./east launcher
     * @param reference null to time east alone
     */
    public record Options(int questions, int n, int responseChars, int rounds, List<String> east,
            ReferencePreprocessing reference) {
        public Options {
            if (questions < 1 || n < 1 || rounds < 1 || responseChars < 0) {
                throw new IllegalArgumentException("--questions, --n and --rounds must be >= 1, --response-chars >= 0");
            }
            east = List.copyOf(east);
        }
    }

    private WeightsProcessBench() {
    }

    public static void run(PrintStream out, Options options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("east-bench-weights-process");
        try {
            Path file = dir.resolve("generations.jsonl");
            SyntheticGenerations.writeQwenEval(file, options.questions(), options.n(), options.responseChars(), 42);
            out.printf(Locale.ROOT, "weights bench, whole process: %d questions x n=%d, responses of %s, file %.1f MB,"
                    + " %d cores, Java %s%n", options.questions(), options.n(), responseLength(options.responseChars()),
                    Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            List<String> east = eastCommand(options.east(), file, dir.resolve("east-out.jsonl"));
            out.println("east:      " + String.join(" ", east));
            ReferencePreprocessing reference = options.reference();
            List<String> python = reference == null ? null
                    : reference.command(file, dir.resolve("reference-out.jsonl"));
            if (python != null) {
                out.println("reference: " + String.join(" ", python));
            }

            LOG.atInfo().log("one uncounted round first");
            TimedProcess.run(east, dir.resolve("east.log"));
            if (python != null) {
                TimedProcess.run(python, dir.resolve("reference.log"));
            }
            out.printf(Locale.ROOT, "%-7s %14s %14s%s%n", "round", "east wall (s)", "east CPU (s)",
                    python == null ? "" : String.format(Locale.ROOT, " %19s %19s", "reference wall (s)",
                            "reference CPU (s)"));
            List<TimedProcess> eastRuns = new ArrayList<>();
            List<TimedProcess> referenceRuns = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                TimedProcess e = TimedProcess.run(east, dir.resolve("east.log"));
                eastRuns.add(e);
                String row = String.format(Locale.ROOT, "%-7d %14.2f %14.2f", round, e.wallSeconds(), e.cpuSeconds());
                if (python != null) {
                    TimedProcess r = TimedProcess.run(python, dir.resolve("reference.log"));
                    referenceRuns.add(r);
                    row += String.format(Locale.ROOT, " %19.2f %19.2f", r.wallSeconds(), r.cpuSeconds());
                }
                out.println(row);
            }
            TimedProcess eastMedian = median(eastRuns);
            out.printf(Locale.ROOT, "%-7s %14.2f %14.2f%s%n", "median", eastMedian.wallSeconds(),
                    eastMedian.cpuSeconds(), python == null ? "" : String.format(Locale.ROOT, " %19.2f %19.2f",
                            median(referenceRuns).wallSeconds(), median(referenceRuns).cpuSeconds()));
            out.printf(Locale.ROOT, "east: %.0f questions/s, kept %d of %d%n",
                    options.questions() / eastMedian.wallSeconds(), keptByEast(dir.resolve("east-out.jsonl")),
                    options.questions());
            if (python != null) {
                printRatios(out, eastMedian, median(referenceRuns),
                        lines(dir.resolve("reference-out.jsonl")), options.questions());
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    static List<String> eastCommand(List<String> east, Path input, Path output) {
        List<String> command = new ArrayList<>(east);
        command.addAll(List.of("weights", "--input", input.toString(), "--format", "qwen-eval", "--clustering",
                "exact", "--scope", "dataset", "--output", output.toString()));
        return command;
    }

    private static void printRatios(PrintStream out, TimedProcess east, TimedProcess reference, long referenceKept,
            int questions) {
        double speed = reference.wallSeconds() / east.wallSeconds();
        double cpu = east.cpuSeconds() / reference.cpuSeconds();
        out.printf(Locale.ROOT, "reference: kept %d of %d%n", referenceKept, questions);
        out.printf(Locale.ROOT, "east / reference: %.2fx the reference's speed (goal >= %.1fx: %s), %.2fx its "
                + "CPU-seconds (goal <= %.1fx: %s)%n", speed, SPEED_GOAL, speed >= SPEED_GOAL ? "met" : "not met",
                cpu, CPU_GOAL, Double.isNaN(cpu) ? "unknown" : cpu <= CPU_GOAL ? "met" : "not met");
    }

    static String responseLength(int responseChars) {
        return responseChars == 0 ? "one line (about 90 characters)" : responseChars + " characters";
    }

    /** The median wall time and the median CPU time of the runs. */
    static TimedProcess median(List<TimedProcess> runs) {
        return new TimedProcess(Median.of(runs.stream().mapToDouble(TimedProcess::wallSeconds).toArray()),
                Median.of(runs.stream().mapToDouble(TimedProcess::cpuSeconds).toArray()));
    }

    private static long keptByEast(Path output) throws IOException {
        try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("\"kept\":true")).count();
        }
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }
}
