package io.east.producers.feed;

import io.east.producers.synthetic.SyntheticDataset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset as the feed command names it: {@code gsm8k:PATH}, {@code math:PATH} or {@code synthetic[:SEED]}. PATH is
 * a JSONL file, or a directory holding {@code SPLIT.jsonl} files.
 *
 * @param path null for the synthetic dataset
 * @param seed only meaningful for the synthetic dataset
 */
public record DatasetSpec(DatasetKind kind, Path path, long seed) {

    public DatasetSpec {
        Objects.requireNonNull(kind, "kind");
        if ((kind == DatasetKind.SYNTHETIC) != (path == null)) {
            throw new IllegalArgumentException(kind == DatasetKind.SYNTHETIC
                    ? "the synthetic dataset takes no path"
                    : kind.id() + " needs a path: " + kind.id() + ":PATH");
        }
    }

    public static DatasetSpec parse(String text) {
        String spec = text == null ? "" : text;
        int colon = spec.indexOf(':');
        DatasetKind kind = DatasetKind.byId(colon < 0 ? spec : spec.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected gsm8k:PATH, math:PATH or synthetic[:SEED], got '" + spec + "'"));
        String rest = colon < 0 ? null : spec.substring(colon + 1);
        if (kind == DatasetKind.SYNTHETIC) {
            return new DatasetSpec(kind, null, rest == null ? SyntheticDataset.DEFAULT_SEED : seed(rest));
        }
        if (rest == null || rest.isBlank()) {
            throw new IllegalArgumentException(kind.id() + " needs a path: " + kind.id() + ":PATH");
        }
        return new DatasetSpec(kind, Path.of(rest), 0);
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic:SEED needs an integer seed, got '" + text + "'");
        }
    }

    /** The dataset name on tasks and in task ids. */
    public String name() {
        return kind.id();
    }

    @Override
    public String toString() {
        return kind == DatasetKind.SYNTHETIC ? "synthetic:" + seed : kind.id() + ":" + path;
    }
}
