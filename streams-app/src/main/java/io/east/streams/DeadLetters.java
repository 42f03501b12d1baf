package io.east.streams;

import io.east.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letters the streams app sends, with where the record came from. */
final class DeadLetters {

    static final String UNDECODABLE = "undecodable";
    static final String INVALID = "invalid";
    static final String LATE = "late";

    private DeadLetters() {
    }

    static DeadLetter of(RecordMetadata source, String key, byte[] value, String reason, String detail,
            String component, long now) {
        return DeadLetter.newBuilder()
                .setSourceTopic(source == null ? "" : source.topic())
                .setSourcePartition(source == null ? -1 : source.partition())
                .setSourceOffset(source == null ? -1 : source.offset())
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(reason)
                .setDetail(detail)
                .setComponent(component)
                .setCreatedAt(Instant.ofEpochMilli(now))
                .build();
    }
}
