package io.east.ablation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes results.md, results.csv, accuracy.svg and weights.svg into the output directory, each replaced in one
 * rename, so a reader (or a run killed midway) never sees a half-written file.
 */
public final class ResultFiles {

    public static final List<String> NAMES = List.of("results.md", "results.csv", "accuracy.svg", "weights.svg");

    private ResultFiles() {
    }

    public static void write(Path dir, AblationResults results) throws IOException {
        Files.createDirectories(dir);
        replace(dir.resolve("results.md"), ResultsMarkdown.render(results));
        replace(dir.resolve("results.csv"), ResultsCsv.render(results));
        replace(dir.resolve("accuracy.svg"), AccuracyChart.render(results));
        replace(dir.resolve("weights.svg"), WeightChart.render(results.weights(), results.settings().configs()));
    }

    /** The per-config table of results.md and its verdict sentence: what the command prints when done. */
    public static String summary(AblationResults results) {
        return ResultsMarkdown.summary(results);
    }

    private static void replace(Path file, String content) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
