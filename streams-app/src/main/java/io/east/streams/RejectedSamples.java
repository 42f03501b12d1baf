package io.east.streams;

import io.east.schemas.DeadLetter;
import io.east.schemas.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The samples the streams app refuses, why, and their dead letters with the Kafka coordinates they came from. */
final class RejectedSamples {

    static final String UNDECODABLE = "undecodable";
    static final String INVALID = "invalid";
    static final String LATE = "late";

    private RejectedSamples() {
    }

    /** @param source null where Kafka Streams gives no record metadata (a punctuation) */
    static DeadLetter deadLetter(RecordMetadata source, String key, byte[] value, String reason, String detail,
            String component, long now) {
        return DeadLetters.of(source == null ? "" : source.topic(), source == null ? -1 : source.partition(),
                source == null ? -1 : source.offset(), key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value, reason, detail, component, Instant.ofEpochMilli(now));
    }
}
