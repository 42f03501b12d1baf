package io.east.ablation;

import io.east.eval.EvalDataset;
import io.east.eval.EvalSettings;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.generate.djl.DjlSettings;
import java.util.Objects;

/**
 * The held-out evaluation every run gets: greedy pass@1 on the first {@code limit} questions of a split, with the
 * generator's prompt, stop strings and grading.
 */
public record EvalPlan(DatasetSpec dataset, String split, int limit, int maxNewTokens, int batchRows) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int DEFAULT_MAX_NEW_TOKENS = 96;

    public EvalPlan {
        Objects.requireNonNull(dataset, "dataset");
        if (limit < 1) {
            throw new IllegalArgumentException("--eval-limit must be >= 1, got " + limit);
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("--eval-max-new-tokens must be >= 1, got " + maxNewTokens);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("--batch-rows must be >= 1, got " + batchRows);
        }
    }

    /** The questions, checked now so that a typo fails before any training. */
    public EvalDataset questions() {
        return EvalDataset.of(dataset, split, limit);
    }

    public EvalSettings settings() {
        return EvalSettings.defaults().withMaxNewTokens(maxNewTokens);
    }

    public DjlSettings djl() {
        return DjlSettings.defaults().withBatchRows(batchRows);
    }
}
