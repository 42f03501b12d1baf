package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.QuestionTask;
import io.east.schemas.serde.BadPayload.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The consumers' bad-input tests trust these payloads to be bad in the way their kind says; this holds them to it. */
class BadPayloadTest {

    private static final List<Kind> SMALL_AND_UNDECODABLE = List.of(Kind.RANDOM_BYTES, Kind.RANDOM_BODY,
            Kind.TRUNCATED, Kind.UNKNOWN_FINGERPRINT, Kind.WRONG_TYPE, Kind.EMPTY);

    static Stream<Arguments> everyTypeAndSmallKind() {
        return SampleRecords.full().stream()
                .flatMap(good -> SMALL_AND_UNDECODABLE.stream()
                        .map(kind -> Arguments.of(good.getClass().getSimpleName(), good, kind)));
    }

    @ParameterizedTest(name = "{2} of {0}")
    @MethodSource("everyTypeAndSmallKind")
    void smallDamageNeverDecodesAsTheExpectedType(String type, SpecificRecord good, Kind kind) {
        AvroSerde<?> serde = EastSerdes.forType(good.getClass());
        LongStream.range(0, 50).mapToObj(seed -> BadPayload.of(kind, good, seed)).forEach(bad -> {
            assertThat(bad.length()).as(bad.toString()).isLessThan(1024);
            assertThatThrownBy(() -> serde.deserialize(bad.value())).as(bad.toString())
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("Cannot decode " + good.getClass().getName());
        });
    }

    @Test
    void eachKindIsTheDamageItsNameSays() {
        QuestionTask good = (QuestionTask) SampleRecords.full().get(0);
        byte[] encoded = EastSerdes.questionTask().serialize(good);
        for (long seed = 0; seed < 20; seed++) {
            byte[] truncated = BadPayload.of(Kind.TRUNCATED, good, seed).value();
            assertThat(truncated).hasSizeLessThan(encoded.length)
                    .isEqualTo(Arrays.copyOf(encoded, truncated.length));
            assertThat(BadPayload.of(Kind.RANDOM_BODY, good, seed).value()).startsWith(Arrays.copyOf(encoded, 10));
            long seedNow = seed;
            assertThatThrownBy(() -> EastSerdes.questionTask().deserialize(
                    BadPayload.of(Kind.UNKNOWN_FINGERPRINT, good, seedNow).value()))
                    .hasMessageContaining("unknown schema fingerprint").hasMessageNotContaining("it is the fingerprint");
            assertThatThrownBy(() -> EastSerdes.questionTask().deserialize(
                    BadPayload.of(Kind.WRONG_TYPE, good, seedNow).value()))
                    .hasMessageContaining("it is the fingerprint of io.east.schemas.")
                    .hasMessageNotContaining("fingerprint of io.east.schemas.QuestionTask");
        }
        assertThat(BadPayload.of(Kind.EMPTY, good, 0).value()).isEmpty();
        assertThat(BadPayload.of(Kind.NULL, good, 0).value()).isNull();
    }

    @Test
    void theHugeKindsAreFiveMebibytesAndOnlyOneOfThemDecodes() {
        for (SpecificRecord good : SampleRecords.full()) {
            AvroSerde<?> serde = EastSerdes.forType(good.getClass());
            BadPayload oversized = BadPayload.of(Kind.OVERSIZED, good, 7);
            assertThat(oversized.length()).isEqualTo(BadPayload.HUGE_BYTES);
            assertThatThrownBy(() -> serde.deserialize(oversized.value())).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("trailing byte(s)");

            BadPayload huge = BadPayload.of(Kind.HUGE_RECORD, good, 7);
            assertThat(huge.length()).isBetween(BadPayload.HUGE_BYTES, BadPayload.HUGE_BYTES + 8);
            SpecificRecord decoded = serde.deserialize(huge.value());
            long differing = good.getSchema().getFields().stream()
                    .filter(f -> !Objects.equals(good.get(f.pos()), decoded.get(f.pos())))
                    .count();
            assertThat(differing).as("only the grown field of %s differs", good.getClass().getSimpleName())
                    .isEqualTo(1);
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndEveryKindComesOnce() {
        SpecificRecord good = SampleRecords.full().get(1);
        List<BadPayload> first = BadPayload.ofKinds(SMALL_AND_UNDECODABLE, good, 3);
        List<BadPayload> again = BadPayload.ofKinds(SMALL_AND_UNDECODABLE, good, 3);

        assertThat(first).extracting(BadPayload::kind).containsExactlyInAnyOrderElementsOf(SMALL_AND_UNDECODABLE);
        assertThat(first).extracting(BadPayload::kind).containsExactlyElementsOf(
                again.stream().map(BadPayload::kind).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).value()).isEqualTo(again.get(i).value());
        }
        assertThat(BadPayload.of(Kind.RANDOM_BYTES, good, 3).value())
                .isNotEqualTo(BadPayload.of(Kind.RANDOM_BYTES, good, 4).value());
        assertThat(BadPayload.undecodableKinds()).doesNotContain(Kind.HUGE_RECORD).contains(Kind.NULL);
    }
}
