package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.GroupSummary;
import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeErrorTest {

    private final AvroSerde<QuestionTask> serde = EastSerdes.questionTask();
    private final byte[] valid = serde.serialize((QuestionTask) SampleRecords.full().get(0));

    @Test
    void jsonIsRejectedForItsMarker() {
        byte[] json = "{\"task_id\": \"t\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("east.questions", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot decode io.east.schemas.QuestionTask on topic east.questions: ")
                .hasMessageContaining("bad marker 0x7B 0x22")
                .hasMessageContaining("expected 0xC3 0x01");
    }

    @Test
    void confluentFramingGetsAHint() {
        byte[] confluent = {0, 0, 0, 0, 42, 2, 't'};

        assertThatThrownBy(() -> serde.deserialize(confluent))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bad marker 0x00 0x00")
                .hasMessageContaining("Confluent");
    }

    @Test
    void randomGarbageFailsCleanly() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 10) {
                // Keep a valid header half the time so the body decoder sees garbage too.
                System.arraycopy(valid, 0, garbage, 0, 10);
            }
            try {
                serde.deserialize(garbage);
            } catch (SerializationException e) {
                assertThat(e.getMessage()).startsWith("Cannot decode io.east.schemas.QuestionTask: ");
            }
        }
    }

    @Test
    void unknownFingerprintIsNamed() {
        byte[] bytes = valid.clone();
        bytes[2] ^= 0x5A;
        String fingerprint = SingleObjectFrame.hex(AnyRecordDecoder.fingerprintOf(bytes));

        assertThatThrownBy(() -> serde.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.east.schemas.QuestionTask")
                .hasMessageContaining("unknown schema fingerprint " + fingerprint)
                .hasMessageContaining("written with a schema this build does not know")
                .hasMessageContaining("QuestionTask v1");
    }

    @Test
    void recordOfAnotherTypeIsNamedAsSuch() {
        byte[] group = EastSerdes.groupSummary().serialize((GroupSummary) SampleRecords.full().get(2));

        assertThatThrownBy(() -> serde.deserialize(group))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("written with a schema this build does not know")
                .hasMessageContaining("it is the fingerprint of io.east.schemas.GroupSummary v1 (current)")
                .hasMessageContaining("wrong topic or wrong serde?");
    }

    @Test
    void truncatedPayloadIsReportedAsTruncated() {
        for (int length = 10; length < valid.length; length += 7) {
            byte[] truncated = Arrays.copyOf(valid, length);

            assertThatThrownBy(() -> serde.deserialize(truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("io.east.schemas.QuestionTask")
                    .hasMessageContaining("truncated payload")
                    .hasMessageContaining("QuestionTask v1 (current)");
        }
    }

    @Test
    void truncatedHeaderIsReportedAsTruncated() {
        assertThatThrownBy(() -> serde.deserialize(Arrays.copyOf(valid, 6)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated: 6 bytes, shorter than the 10-byte single-object header");
        assertThatThrownBy(() -> serde.deserialize(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated: 0 byte(s)");
    }

    @Test
    void trailingBytesAreReported() {
        byte[] padded = Arrays.copyOf(valid, valid.length + 3);

        assertThatThrownBy(() -> serde.deserialize(padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 trailing byte(s) after a complete QuestionTask v1 (current) record");
    }

    @Test
    void hugeLengthPrefixFailsWithoutAllocatingIt() {
        // checkpoint_uri claims ~1 GiB but the record ends right after.
        byte[] header = Arrays.copyOf(EastSerdes.modelVersion().serialize((ModelVersion) SampleRecords.full().get(5)),
                10);
        byte[] bytes = Arrays.copyOf(header, 16);
        bytes[10] = 2;                                                   // version = 1
        bytes[11] = (byte) 0x80;                                         // length zig-zag 2^30 ...
        bytes[12] = (byte) 0x80;
        bytes[13] = (byte) 0x80;
        bytes[14] = (byte) 0x80;
        bytes[15] = 0x08;

        assertThatThrownBy(() -> EastSerdes.modelVersion().deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated payload");
    }

    @Test
    void unencodableRecordNamesTheTypeAndField() {
        QuestionTask incomplete = new QuestionTask();

        assertThatThrownBy(() -> serde.serializer().serialize("east.questions", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot encode io.east.schemas.QuestionTask on topic east.questions: ")
                .hasMessageContaining("task_id");
    }
}
