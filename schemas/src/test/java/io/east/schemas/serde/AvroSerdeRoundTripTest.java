package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    static Stream<SpecificRecord> records() {
        return Stream.concat(SampleRecords.full().stream(), SampleRecords.sparse().stream());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("records")
    void recordSurvivesTheKafkaSerde(SpecificRecord record) {
        Serde<SpecificRecord> serde = serdeOf(record);

        byte[] bytes = serde.serializer().serialize("east.any", record);
        SpecificRecord decoded = serde.deserializer().deserialize("east.any", bytes);

        assertSameRecord(decoded, record);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("records")
    void bytesAreSingleObjectEncodedWithTheCurrentSchemaFingerprint(SpecificRecord record) {
        byte[] bytes = serdeOf(record).serializer().serialize("east.any", record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(record.getSchema()));
    }

    @Test
    void nullsPassThroughForTombstones() {
        for (Class<? extends SpecificRecord> type : EastSerdes.ALL_TYPES) {
            AvroSerde<? extends SpecificRecord> serde = EastSerdes.forType(type);
            assertThat(serde.serializer().serialize("east.model-versions", null)).isNull();
            assertThat(serde.deserializer().deserialize("east.model-versions", null)).isNull();
        }
    }

    @Test
    void instancesAreSafeToShareBetweenThreads() throws Exception {
        List<SpecificRecord> records = records().toList();
        List<byte[]> encoded = records.stream().map(record -> serdeOf(record).serialize(record)).toList();
        // Decoded maps iterate in hash order, not in the original's, so compare with bytes re-encoded from a decode.
        List<byte[]> canonical = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            AvroSerde<SpecificRecord> serde = serdeOf(records.get(i));
            canonical.add(serde.serialize(serde.deserialize(encoded.get(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                tasks.add(() -> {
                    for (int round = 0; round < 300; round++) {
                        int i = round % records.size();
                        AvroSerde<SpecificRecord> serde = serdeOf(records.get(i));
                        byte[] written = serde.serialize(records.get(i));
                        if (!Arrays.equals(serde.serialize(serde.deserialize(written)), canonical.get(i))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Field by field, where NaN equals NaN: Avro's own equals follows IEEE 754, where NaN differs from itself. */
    static void assertSameRecord(Object actual, Object expected) {
        assertThat(actual).isNotSameAs(expected)
                .usingRecursiveComparison()
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    static AvroSerde<SpecificRecord> serdeOf(SpecificRecord record) {
        return (AvroSerde<SpecificRecord>) EastSerdes.forType(record.getClass());
    }
}
