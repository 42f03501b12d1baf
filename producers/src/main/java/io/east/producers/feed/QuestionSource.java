package io.east.producers.feed;

import io.east.producers.synthetic.Split;
import io.east.producers.synthetic.SyntheticDataset;
import java.io.IOException;
import java.util.Objects;

/**
 * The questions a feed asks: a dataset split, optionally shuffled with a seed, then its first {@code limit}.
 *
 * @param split null for the default (train)
 * @param shuffleSeed null keeps the dataset's order
 * @param limit null for all
 */
public record QuestionSource(DatasetSpec dataset, String split, Long shuffleSeed, Integer limit) {

    public QuestionSource {
        Objects.requireNonNull(dataset, "dataset");
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
        }
        if (dataset.kind() == DatasetKind.SYNTHETIC && split != null && !isSyntheticSplit(split)) {
            throw new IllegalArgumentException("--split of the synthetic dataset must be train or test, got '"
                    + split + "'");
        }
    }

    private static boolean isSyntheticSplit(String split) {
        try {
            Split.parse(split);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks that the dataset's file exists (synthetic needs none), so a typo fails before anything is published. */
    public void check() {
        if (dataset.kind() != DatasetKind.SYNTHETIC) {
            DatasetLoader.resolve(dataset, split);
        }
    }

    /** The selected questions, with the bad lines of the whole file. */
    public LoadedQuestions load() throws IOException {
        LoadedQuestions all = DatasetLoader.load(dataset, split, syntheticSize());
        return new LoadedQuestions(QuestionSelection.select(all.questions(), shuffleSeed, limit), all.errors(),
                all.lines());
    }

    /** The synthetic dataset has a default size per split, grown to the limit when that asks for more. */
    int syntheticSize() {
        int size = SyntheticDataset.defaultSize(Split.parse(split == null ? DatasetLoader.DEFAULT_SPLIT : split));
        return limit == null ? size : Math.max(size, limit);
    }
}
