package io.east.bench.weights;

import io.east.bench.Median;
import io.east.bench.data.SyntheticGenerations;
import io.east.core.batch.BatchWeighting;
import io.east.core.batch.QuestionGroup;
import io.east.core.batch.WeightRow;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.formats.GroupFileReader;
import io.east.formats.InputFormat;
import io.east.formats.JsonOutput;
import io.east.formats.WeightsJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the weights command's whole path (read and validate the file, cluster, weigh, write JSON) and of the
 * core maths alone, in questions per second, for each clustering, on a generated qwen-eval file. Prints; asserts
 * nothing. Each figure is the median of the measured runs, after two warm-up runs for the JIT.
 */
public final class WeightsThroughput {

    /**
     * @param responseChars the length of each response, 0 for the one-line responses of the first figures
     * @param rounds measured runs per figure
     */
    public record Options(int questions, int n, int responseChars, int rounds, Scope scope) {
        public Options {
            if (questions < 1 || n < 1 || rounds < 1 || responseChars < 0) {
                throw new IllegalArgumentException("--questions, --n and --rounds must be >= 1, --response-chars >= 0");
            }
        }
    }

    private WeightsThroughput() {
    }

    public static void run(PrintStream out, Options options) throws Exception {
        Path dir = Files.createTempDirectory("east-bench-weights");
        Path file = dir.resolve("generations.jsonl");
        try {
            SyntheticGenerations.writeQwenEval(file, options.questions(), options.n(), options.responseChars(), 42);
            out.printf(Locale.ROOT, "weights bench: %d questions x n=%d, responses of %s, scope %s, file %.1f MB, "
                    + "%d cores, Java %s%n", options.questions(), options.n(),
                    WeightsProcessBench.responseLength(options.responseChars()), options.scope().id(),
                    Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            out.printf(Locale.ROOT, "%-12s %22s %22s%n", "clustering", "whole path (q/s)", "core only (q/s)");
            for (Clustering clustering : Clustering.values()) {
                WeightingSettings settings = new WeightingSettings(WeightStrategy.ENTROPY, 1.0, options.scope(),
                        clustering, SelectionRules.REFERENCE, 0);
                double whole = median(options.rounds(), () -> wholePath(file, settings));
                List<QuestionGroup> groups = read(file).groups();
                double core = median(options.rounds(), () -> BatchWeighting.run(groups, settings).size());
                out.printf(Locale.ROOT, "%-12s %22.0f %22.0f%n", clustering.id(), whole, core);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static int wholePath(Path file, WeightingSettings settings) throws IOException {
        List<WeightRow> rows = BatchWeighting.run(read(file).groups(), settings);
        try (JsonOutput out = JsonOutput.to(OutputStream.nullOutputStream())) {
            rows.forEach(row -> out.writeLine(json -> WeightsJson.write(json, row)));
        }
        return rows.size();
    }

    private static GroupFileReader.Result read(Path file) throws IOException {
        return GroupFileReader.read(file, InputFormat.QWEN_EVAL, GroupFileReader.Origin.IMPORT, line -> { });
    }

    private interface Run {
        int questions() throws Exception;
    }

    private static double median(int rounds, Run run) throws Exception {
        for (int i = 0; i < 2; i++) {
            run.questions();
        }
        double[] perSecond = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int done = run.questions();
            perSecond[i] = done / ((System.nanoTime() - start) / 1e9);
        }
        return Median.of(perSecond);
    }
}
