package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.ModelVersion;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Records written with another version of a schema decode into the current class once that version is known. */
class SchemaEvolutionTest {

    /** ModelVersion before the defaulted fields were added, and with step still an int (promoted to long since). */
    private static final Schema OLDER = ModelVersionSchemas.endWithCreatedAt(ModelVersionSchemas.fields()
            .requiredLong("version").requiredString("checkpoint_uri").requiredInt("step"));

    /** A future ModelVersion with two new fields and the fields in another order. */
    private static final Schema NEWER = ModelVersionSchemas.fields()
            .name("created_at").type(ModelVersionSchemas.TIMESTAMP).noDefault()
            .requiredLong("version").requiredString("checkpoint_uri").requiredLong("step")
            .name("tokenizer").type().stringType().stringDefault("qwen2")
            .name("loss").type().stringType().stringDefault("sft")
            .endRecord();

    private static final Instant CREATED_AT = Instant.parse("2025-01-02T03:04:05.678Z");

    @Test
    void olderRecordDecodesIntoTheCurrentClassWithDefaults() {
        byte[] bytes = writtenWithOlder(3, "file:///ckpt/v3", 600, CREATED_AT.toEpochMilli());

        ModelVersion decoded = AvroSerde.of(ModelVersion.class, List.of(OLDER)).deserialize(bytes);

        assertThat(decoded).isEqualTo(ModelVersion.newBuilder()
                .setVersion(3).setCheckpointUri("file:///ckpt/v3").setStep(600).setCreatedAt(CREATED_AT)
                .setParentVersion(null).setExamplesSeen(0).setLoss("sft").setExperiment(null)
                .build());
    }

    @Test
    void newerRecordDecodesIntoTheCurrentClassDroppingUnknownFields() {
        GenericRecord newer = new GenericData.Record(NEWER);
        newer.put("created_at", CREATED_AT.toEpochMilli());
        newer.put("version", 9L);
        newer.put("checkpoint_uri", "s3://bucket/v9");
        newer.put("step", 1L << 33);
        newer.put("tokenizer", "llama3");
        newer.put("loss", "kto");

        ModelVersion decoded = AvroSerde.of(ModelVersion.class, List.of(NEWER))
                .deserialize(SingleObjects.encode(NEWER, newer));

        assertThat(decoded.getVersion()).isEqualTo(9);
        assertThat(decoded.getStep()).isEqualTo(1L << 33);
        assertThat(decoded.getLoss()).isEqualTo("kto");
        assertThat(decoded.getExamplesSeen()).isZero();
        assertThat(decoded.getCreatedAt()).isEqualTo(CREATED_AT);
    }

    @Test
    void recordOfAnUnknownVersionIsRejectedByName() {
        byte[] bytes = writtenWithOlder(3, "x", 1, 0);

        assertThatThrownBy(() -> EastSerdes.modelVersion().deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.east.schemas.ModelVersion")
                .hasMessageContaining(SingleObjectFrame.hex(AnyRecordDecoder.fingerprintOf(bytes)))
                .hasMessageContaining("written with a schema this build does not know");
    }

    @Test
    void currentClassStillWritesWithItsOwnSchema() {
        AvroSerde<ModelVersion> serde = AvroSerde.of(ModelVersion.class, List.of(OLDER, NEWER));
        ModelVersion record = ModelVersion.newBuilder().setVersion(1).setCheckpointUri("c").setStep(2)
                .setCreatedAt(CREATED_AT).build();

        byte[] bytes = serde.serialize(record);

        assertThat(AnyRecordDecoder.known().labelOf(AnyRecordDecoder.fingerprintOf(bytes)))
                .hasValueSatisfying(label -> assertThat(label).startsWith("io.east.schemas.ModelVersion v")
                        .endsWith("(current)"));
        assertThat(EastSerdes.modelVersion().deserialize(bytes)).isEqualTo(record);
    }

    /** A ModelVersion as a producer still on {@link #OLDER} wrote it. */
    private static byte[] writtenWithOlder(long version, String checkpointUri, int step, long createdAtMillis) {
        GenericRecord old = new GenericData.Record(OLDER);
        old.put("version", version);
        old.put("checkpoint_uri", checkpointUri);
        old.put("step", step);
        old.put("created_at", createdAtMillis);
        return SingleObjects.encode(OLDER, old);
    }
}
