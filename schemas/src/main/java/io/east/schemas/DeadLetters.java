package io.east.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/** Builds the record of east.dlq: what could not be processed, with where it came from, to inspect or replay it. */
public final class DeadLetters {

    /**
     * The most bytes of a source record's key, and of its value, that a dead letter keeps. A dead letter must fit on
     * east.dlq, whose producers and topic take 1 MB by default; a refused record can be far larger than that where an
     * input topic's limit was raised, and a dead letter that cannot be written would stop its sender for good.
     */
    public static final int MAX_KEPT_BYTES = 256 * 1024;
    /** The most characters of the detail kept: a message may quote a field of the record. */
    public static final int MAX_DETAIL_CHARS = 4096;

    private DeadLetters() {
    }

    /**
     * @param topic the source topic, or "" where the record has none
     * @param partition -1 where unknown
     * @param offset -1 where unknown
     * @param key the source record's key bytes; null for none. Only its first {@link #MAX_KEPT_BYTES} are kept.
     * @param value the source record's value bytes, as they arrived; null for none. Only its first
     *     {@link #MAX_KEPT_BYTES} are kept; the detail then says so, and the whole record stays at its coordinates.
     */
    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value, String reason,
            String detail, String component, Instant createdAt) {
        String shortDetail = detail.length() <= MAX_DETAIL_CHARS ? detail
                : detail.substring(0, MAX_DETAIL_CHARS) + "… (" + detail.length() + " characters)";
        StringBuilder cut = new StringBuilder();
        noteCut(cut, "key", key);
        noteCut(cut, "value", value);
        if (!cut.isEmpty()) {
            shortDetail += " [" + cut + "; the whole record is at " + topic + "-" + partition + "@" + offset + "]";
        }
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setKey(kept(key))
                .setValue(kept(value))
                .setReason(reason)
                .setDetail(shortDetail)
                .setComponent(component)
                .setCreatedAt(createdAt)
                .build();
    }

    private static void noteCut(StringBuilder cut, String what, byte[] bytes) {
        if (bytes != null && bytes.length > MAX_KEPT_BYTES) {
            cut.append(cut.isEmpty() ? "" : "; ").append(what).append(" cut to its first ").append(MAX_KEPT_BYTES)
                    .append(" of ").append(bytes.length).append(" bytes");
        }
    }

    private static ByteBuffer kept(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return ByteBuffer.wrap(bytes.length <= MAX_KEPT_BYTES ? bytes : Arrays.copyOf(bytes, MAX_KEPT_BYTES));
    }
}
