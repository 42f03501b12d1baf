package io.east.producers.generate;

import io.east.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Dead letters of the generator: the source record's coordinates and bytes, so it can be inspected or replayed. */
final class DeadLetters {

    static final String GENERATION_FAILED = "generation_failed";

    private DeadLetters() {
    }

    static DeadLetter of(SourceRecord source, String reason, String detail, String component, Instant createdAt) {
        return DeadLetter.newBuilder()
                .setSourceTopic(source.partition().topic())
                .setSourcePartition(source.partition().partition())
                .setSourceOffset(source.offset())
                .setKey(source.key() == null ? null : ByteBuffer.wrap(source.key()))
                .setValue(source.value() == null ? null : ByteBuffer.wrap(source.value()))
                .setReason(reason)
                .setDetail(detail)
                .setComponent(component)
                .setCreatedAt(createdAt)
                .build();
    }
}
