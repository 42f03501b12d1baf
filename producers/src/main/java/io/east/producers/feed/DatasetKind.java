package io.east.producers.feed;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;
import java.util.Optional;

/** Where the feeder's questions come from; the id is also the task's dataset name (and part of its task_id). */
public enum DatasetKind implements SpelledEnum {
    GSM8K,
    MATH,
    SYNTHETIC;

    static Optional<DatasetKind> byId(String text) {
        return EnumIds.find(DatasetKind.class, text);
    }
}
