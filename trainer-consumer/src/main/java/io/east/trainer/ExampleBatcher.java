package io.east.trainer;

import io.east.model.train.TrainingExample;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills one training batch at a time. A batch is ready when it holds {@code batchSize} examples, or fewer when only
 * that many remain before --max-examples, so the last step trains exactly up to the limit.
 */
final class ExampleBatcher {

    /** An example on its way into a step, with what the checkpoint needs to know about it. */
    record Entry(SourcePosition position, String taskId, TrainingExample example) {}

    private final int batchSize;
    private final List<Entry> entries = new ArrayList<>();

    ExampleBatcher(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** @param remaining examples still allowed before --max-examples (Long.MAX_VALUE without a limit) */
    boolean ready(long remaining) {
        return !entries.isEmpty() && entries.size() >= Math.min(batchSize, remaining);
    }

    /** The batch, emptied out of this batcher. */
    List<Entry> drain() {
        List<Entry> batch = List.copyOf(entries);
        entries.clear();
        return batch;
    }
}
