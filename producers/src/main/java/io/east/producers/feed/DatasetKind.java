package io.east.producers.feed;

import io.east.core.EnumIds;
import java.util.Optional;

/** Where the feeder's questions come from; the id is also the task's dataset name (and part of its task_id). */
public enum DatasetKind {
    GSM8K,
    MATH,
    SYNTHETIC;

    public String id() {
        return EnumIds.id(this);
    }

    static Optional<DatasetKind> byId(String text) {
        return EnumIds.find(DatasetKind.class, text);
    }
}
