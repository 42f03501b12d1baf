package io.east.trainer;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The position a checkpoint may save per stream key: just after the last record whose fate is settled, and never
 * past a record that waits in an untrained batch.
 *
 * <p>Records of one key arrive in offset order. A record is either pending (in the batch being filled) or done
 * (trained, or skipped). The safe position of a key is the offset of its oldest pending record, or, with none
 * pending, the offset after the newest record seen. A restart from that position re-reads exactly the pending
 * records, so nothing is trained twice and nothing is skipped.
 */
final class ConsumedOffsets {

    private final Map<String, Long> afterNewest = new TreeMap<>();
    private final Map<String, TreeSet<Long>> pending = new HashMap<>();

    /** @param start where each key's reading started (every key the source reads, so untouched keys are saved too) */
    ConsumedOffsets(Map<String, Long> start) {
        afterNewest.putAll(start);
    }

    /** A record went into the batch being filled. */
    void pending(SourcePosition position) {
        seen(position);
        pending.computeIfAbsent(position.key(), k -> new TreeSet<>()).add(position.offset());
    }

    /** A record was skipped: consumed, with nothing to train. */
    void skipped(SourcePosition position) {
        seen(position);
    }

    /** A pending record went through a training step. */
    void trained(SourcePosition position) {
        TreeSet<Long> waiting = pending.get(position.key());
        if (waiting == null || !waiting.remove(position.offset())) {
            throw new IllegalStateException(position + " was not pending");
        }
    }

    private void seen(SourcePosition position) {
        afterNewest.merge(position.key(), position.next(), Math::max);
    }

    /** Per key, where a restart must resume. */
    Map<String, Long> safe() {
        Map<String, Long> safe = new TreeMap<>(afterNewest);
        pending.forEach((key, offsets) -> {
            if (!offsets.isEmpty()) {
                safe.put(key, offsets.first());
            }
        });
        return safe;
    }

    /** True when {@code position} lies before the safe position of its key, i.e. a restart will not re-read it. */
    static boolean settled(SourcePosition position, Map<String, Long> safe) {
        Long resume = safe.get(position.key());
        return resume != null && position.offset() < resume;
    }
}
