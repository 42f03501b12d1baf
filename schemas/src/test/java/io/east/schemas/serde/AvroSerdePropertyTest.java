package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Properties over arbitrary values of every record type, not just the hand-written samples. */
class AvroSerdePropertyTest {

    @Property(tries = 300)
    void anyValueOfAnyTypeSurvivesAnEncodeDecodeCycle(@ForAll long seed) {
        Class<? extends SpecificRecord> type = typeFor(seed);
        AvroSerde<? extends SpecificRecord> serde = EastSerdes.forType(type);
        GenericRecord generic = (GenericRecord) new RandomDatums(seed).of(serde.schema());
        byte[] written = SingleObjects.encode(serde.schema(), generic);

        SpecificRecord decoded = serde.deserialize(written);

        assertThat(decoded).isInstanceOf(type);
        assertThat(RecordJson.toJson((GenericRecord) decoded)).isEqualTo(RecordJson.toJson(generic));
        assertThat(AnyRecordDecoder.known().decode(written).getSchema().getFullName()).isEqualTo(type.getName());
    }

    @Property(tries = 500)
    void corruptingAnyByteNeverEscapesAsAnythingButSerializationException(@ForAll long seed, @ForAll int position,
                                                                             @ForAll byte value) {
        Class<? extends SpecificRecord> type = typeFor(seed);
        AvroSerde<? extends SpecificRecord> serde = EastSerdes.forType(type);
        byte[] bytes = SingleObjects.encode(serde.schema(), (GenericRecord) new RandomDatums(seed).of(serde.schema()));
        bytes[Math.floorMod(position, bytes.length)] = value;

        try {
            serde.deserialize(bytes);
        } catch (SerializationException e) {
            assertThat(e.getMessage()).startsWith("Cannot decode " + type.getName() + ": ");
        }
    }

    private static Class<? extends SpecificRecord> typeFor(long seed) {
        return EastSerdes.ALL_TYPES.get(Math.floorMod(seed, EastSerdes.ALL_TYPES.size()));
    }
}
