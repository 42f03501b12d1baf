package io.east.cli.bench;

import io.east.bench.data.SyntheticGenerations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.JsonOutput;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.cli.weights.WeightsJson;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of the weights command's whole path (read and validate the file, cluster, weigh, write JSON) in
 * questions per second, for each clustering, on a generated qwen-eval file.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"Measure 'east weights' throughput in questions/s on a generated qwen-eval file.",
            "Prints one row per clustering: the whole path (parse + analyse + weigh + write) and the core "
                    + "maths alone (analyse + weigh)."})
public final class WeightsBench implements Callable<Integer> {

    @Option(names = "--questions", defaultValue = "5000", description = "Questions in the file (default: ${DEFAULT-VALUE}).")
    private int questions;

    @Option(names = "--n", defaultValue = "64", description = "Responses per question (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured runs after 2 warm-up runs (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--scope", defaultValue = "window:64",
            description = "Normalisation scope (default: ${DEFAULT-VALUE}).")
    private String scope;

    @Override
    public Integer call() throws Exception {
        if (questions < 1 || n < 1 || rounds < 1) {
            throw new UsageException("--questions, --n and --rounds must be >= 1");
        }
        Scope normalisation = Usage.check(() -> Scope.parse(scope), "--scope: ");
        Path dir = Files.createTempDirectory("east-bench-weights");
        Path file = dir.resolve("generations.jsonl");
        try {
            SyntheticGenerations.writeQwenEval(file, questions, n, 42);
            System.out.printf(Locale.ROOT, "weights bench: %d questions x n=%d, scope %s, file %.1f MB, "
                    + "%d cores, Java %s%n", questions, n, normalisation.id(), Files.size(file) / 1e6,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-12s %22s %22s%n", "clustering", "whole path (q/s)", "core only (q/s)");
            for (Clustering clustering : Clustering.values()) {
                WeightingSettings settings = new WeightingSettings(WeightStrategy.ENTROPY, 1.0, normalisation,
                        clustering, SelectionRules.REFERENCE, 0);
                double whole = median(() -> wholePath(file, settings));
                List<QuestionGroup> groups = read(file).groups();
                double core = median(() -> BatchWeighting.run(groups, settings).size());
                System.out.printf(Locale.ROOT, "%-12s %22.0f %22.0f%n", clustering.id(), whole, core);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        return ExitCodes.OK;
    }

    private int wholePath(Path file, WeightingSettings settings) throws Exception {
        GroupFileReader.Result read = read(file);
        List<WeightRow> rows = BatchWeighting.run(read.groups(), settings);
        try (JsonOutput out = JsonOutput.to(OutputStream.nullOutputStream())) {
            rows.forEach(row -> out.write(WeightsJson.toJson(row)));
        }
        return rows.size();
    }

    private static GroupFileReader.Result read(Path file) throws IOException {
        return GroupFileReader.read(file, InputFormat.QWEN_EVAL, GroupFileReader.Origin.IMPORT, line -> { });
    }

    private interface Run {
        int questions() throws Exception;
    }

    /** The median of the measured runs, after two warm-up runs for the JIT. */
    private double median(Run run) throws Exception {
        for (int i = 0; i < 2; i++) {
            run.questions();
        }
        double[] perSecond = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int done = run.questions();
            perSecond[i] = done / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(perSecond);
        return perSecond[rounds / 2];
    }
}
