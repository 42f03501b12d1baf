package io.east.eval;

import io.east.producers.feed.DatasetKind;
import io.east.producers.feed.DatasetLoader;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.feed.QuestionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * The test questions of an evaluation: a dataset as {@code feed} names it, its {@code test} split unless told
 * otherwise (a GSM8K or MATH file is already one split), in file order, the first {@code limit} of them.
 */
public final class EvalDataset {

    public static final String DEFAULT_SPLIT = "test";

    private final DatasetSpec spec;
    private final QuestionSource source;
    private final String splitName;

    private EvalDataset(DatasetSpec spec, QuestionSource source, String splitName) {
        this.spec = spec;
        this.source = source;
        this.splitName = splitName;
    }

    /**
     * @param split null for the default
     * @param limit null for every question
     * @throws IllegalArgumentException for a split the dataset does not have, a missing file or a limit below 1
     */
    public static EvalDataset of(DatasetSpec spec, String split, Integer limit) {
        Objects.requireNonNull(spec, "spec");
        boolean singleFile = spec.kind() != DatasetKind.SYNTHETIC && !Files.isDirectory(spec.path());
        String effective = split != null ? split : singleFile ? null : DEFAULT_SPLIT;
        QuestionSource source = new QuestionSource(spec, effective, null, limit);
        source.check();
        return new EvalDataset(spec, source, effective != null ? effective : DatasetLoader.stem(spec.path()));
    }

    /** The dataset as EvalResult names it: gsm8k, math, or synthetic:SEED (a seed makes another test set). */
    public String name() {
        return spec.kind() == DatasetKind.SYNTHETIC ? spec.toString() : spec.name();
    }

    /** The split as EvalResult names it; for a single file, its name without .jsonl. */
    public String split() {
        return splitName;
    }

    /** The selected questions, with the file's bad lines. */
    public LoadedQuestions load() throws IOException {
        return source.load();
    }
}
