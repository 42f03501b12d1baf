package io.east.streams;

import io.east.schemas.serde.AvroSerde;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.OpenGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The grouper's view of the {@value StreamsTopology#OPEN_GROUPS} store, whose values are encoded OpenGroups. A task
 * is read and rewritten for every sample and grows with each, so decoding it every time would cost more than
 * anything else the grouper does. Each group this processor wrote is therefore remembered beside the exact array it
 * was stored as, and a read that gets that very array back (the record cache hands back what it was given) takes
 * the remembered group; any other array, such as one restored from the changelog, is decoded. The store stays the
 * truth.
 */
final class OpenGroupStore {

    /** Far above the tasks in flight; only bounds what aborted work leaves behind. */
    private static final int REMEMBERED_LIMIT = 20_000;
    private static final AvroSerde<OpenGroup> SERDE = EastSerdes.forType(OpenGroup.class);

    private record Written(byte[] bytes, OpenGroup group) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, Written> written = new HashMap<>();

    OpenGroupStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static OpenGroup decode(byte[] bytes) {
        return SERDE.deserialize(bytes);
    }

    /** The open group of a task, or null; the caller may change it and {@link #put} it back. */
    OpenGroup get(String taskId) {
        byte[] bytes = store.get(taskId);
        if (bytes == null) {
            return null;
        }
        Written last = written.get(taskId);
        return last != null && last.bytes() == bytes ? last.group() : decode(bytes);
    }

    void put(OpenGroup group) {
        byte[] bytes = SERDE.serialize(group);
        store.put(group.getTaskId(), bytes);
        if (written.size() >= REMEMBERED_LIMIT && !written.containsKey(group.getTaskId())) {
            written.clear();
        }
        written.put(group.getTaskId(), new Written(bytes, group));
    }

    void delete(String taskId) {
        store.delete(taskId);
        written.remove(taskId);
    }

    /** Every open group; decoded afresh, for the occasional scan. */
    List<OpenGroup> all() {
        List<OpenGroup> groups = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                groups.add(decode(all.next().value));
            }
        }
        return groups;
    }
}
