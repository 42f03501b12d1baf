package io.east.producers.imports;

import io.east.formats.InputFormat;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to import and how to name its tasks.
 *
 * @param input a JSONL file, or "-" for standard input
 * @param dataset for qwen-eval the dataset name of every task (null: {@value #DEFAULT_DATASET}); for samples, null
 *     keeps each line's own, a name replaces it (and the task id is made again)
 * @param round as {@code dataset}; null means round 0 for qwen-eval and the line's own round for samples
 */
public record ImportSettings(InputFormat format, Path input, String dataset, Integer round) {

    public static final String DEFAULT_DATASET = "import";
    /** Task ids are DATASET/QUESTION_ID@rROUND: a dataset name holding '/' or '@' would make them ambiguous. */
    private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ImportSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(input, "input");
        if (dataset != null && !DATASET_NAME.matcher(dataset).matches()) {
            throw new IllegalArgumentException("--dataset must match " + DATASET_NAME.pattern() + ", got '"
                    + dataset + "'");
        }
        if (round != null && round < 0) {
            throw new IllegalArgumentException("--round must be >= 0, got " + round);
        }
    }

    /** Whether the samples format's own task naming is replaced. */
    boolean renames() {
        return dataset != null || round != null;
    }
}
