package io.east.cli.common;

import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.QuestionSource;
import picocli.CommandLine.Option;

/** Which questions a command asks: {@code --dataset}, {@code --split} and {@code --limit} (a picocli mixin). */
public final class QuestionSourceOptions {

    @Option(names = "--dataset", paramLabel = "SPEC", required = true) private String dataset;
    @Option(names = "--split", paramLabel = "S") private String split;
    @Option(names = "--limit", paramLabel = "L") private Integer limit;

    /** @throws UsageException naming --dataset when the spec is malformed */
    public DatasetSpec spec() {
        return Usage.check(() -> DatasetSpec.parse(dataset), "--dataset: ");
    }

    /** The split asked for, or null for the command's default. */
    public String split() {
        return split;
    }

    /** null for all questions. */
    public Integer limit() {
        return limit;
    }

    /**
     * The questions, their file checked before anything runs so that a typo is a usage error.
     *
     * @param shuffleSeed null keeps the dataset's order
     */
    public QuestionSource source(DatasetSpec spec, Long shuffleSeed) {
        return Usage.check(() -> {
            QuestionSource checked = new QuestionSource(spec, split, shuffleSeed, limit);
            checked.check();
            return checked;
        }, "");
    }
}
