package io.east.producers.feed;

import java.util.Locale;
import java.util.Optional;

/** Where the feeder's questions come from; the id is also the task's dataset name (and part of its task_id). */
public enum DatasetKind {
    GSM8K("gsm8k"),
    MATH("math"),
    SYNTHETIC("synthetic");

    private final String id;

    DatasetKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<DatasetKind> byId(String text) {
        for (DatasetKind kind : values()) {
            if (kind.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
