package io.east.streams;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.ArrivedSample;
import io.east.schemas.state.OpenGroup;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The samples of tasks left open by a version before OpenGroup v2, which stored each sample as a record of its own
 * in the {@value StreamsTopology#OPEN_SAMPLES} store (keyed by {@link GroupKeys}) instead of inside its task's
 * OpenGroup. The store stays in the topology so that its changelog restores such samples after an upgrade; a task
 * folds them into its own record the next time it is touched, and nothing writes the store any more.
 */
final class LegacySamples {

    private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

    private LegacySamples() {
    }

    /** True when part of the group's samples are still in the legacy store: it was written as OpenGroup v1. */
    static boolean pending(OpenGroup group) {
        return group.getSamples().size() < group.getReceived();
    }

    /** The group's samples, the legacy ones first as they sort by index; for reading only. */
    static List<ArrivedSample> all(OpenGroup group, ReadOnlyKeyValueStore<String, byte[]> legacy) {
        if (!pending(group)) {
            return group.getSamples();
        }
        List<ArrivedSample> samples = new ArrayList<>();
        stored(group.getTaskId(), legacy).forEach(entry -> samples.add(entry.value));
        samples.addAll(group.getSamples());
        return samples;
    }

    /**
     * Moves the group's legacy samples into it and out of the store; true when there were any, and then the caller
     * must write the group back.
     */
    static boolean fold(OpenGroup group, KeyValueStore<String, byte[]> legacy) {
        if (!pending(group)) {
            return false;
        }
        List<KeyValue<String, ArrivedSample>> stored = stored(group.getTaskId(), legacy);
        List<ArrivedSample> samples = new ArrayList<>(stored.size() + group.getSamples().size());
        stored.forEach(entry -> samples.add(entry.value));
        samples.addAll(group.getSamples());
        stored.forEach(entry -> legacy.delete(entry.key));
        group.setSamples(samples);
        group.setReceived(samples.size());
        return true;
    }

    private static List<KeyValue<String, ArrivedSample>> stored(String taskId,
            ReadOnlyKeyValueStore<String, byte[]> legacy) {
        List<KeyValue<String, ArrivedSample>> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> scan = legacy.prefixScan(GroupKeys.prefix(taskId), KEY_SERIALIZER)) {
            while (scan.hasNext()) {
                KeyValue<String, byte[]> entry = scan.next();
                ReasoningSample sample = EastSerdes.reasoningSample().deserialize(entry.value);
                found.add(KeyValue.pair(entry.key,
                        new ArrivedSample(sample.getSampleIndex(), ByteBuffer.wrap(entry.value))));
            }
        }
        return found;
    }
}
