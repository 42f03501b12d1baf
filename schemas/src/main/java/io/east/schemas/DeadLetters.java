package io.east.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the record of east.dlq: what could not be processed, with where it came from, to inspect or replay it. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * @param topic the source topic, or "" where the record has none
     * @param partition -1 where unknown
     * @param offset -1 where unknown
     * @param key the source record's key bytes; null for none
     * @param value the source record's value bytes, as they arrived; null for none
     */
    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value, String reason,
            String detail, String component, Instant createdAt) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(reason)
                .setDetail(detail)
                .setComponent(component)
                .setCreatedAt(createdAt)
                .build();
    }
}
