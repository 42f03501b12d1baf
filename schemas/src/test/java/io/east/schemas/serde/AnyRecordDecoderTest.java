package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AnyRecordDecoderTest {

    private final AnyRecordDecoder decoder = AnyRecordDecoder.known();

    @Test
    void decodesEveryTypeAsWrittenWithoutKnowingWhichItIs() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (SpecificRecord record : SampleRecords.full()) {
            byte[] bytes = AvroSerdeRoundTripTest.serdeOf(record).serialize(record);

            GenericRecord decoded = decoder.decode(bytes);

            assertThat(decoded.getSchema().getFullName()).isEqualTo(record.getSchema().getFullName());
            assertThat(SchemaNormalization.parsingFingerprint64(decoded.getSchema()))
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(record.getSchema()));
            // Same content: both render to the same JSON, which also exercises RecordJson on Utf8 and raw longs.
            JsonNode expected = mapper.readTree(RecordJson.toJson((GenericRecord) record));
            assertThat(mapper.readTree(RecordJson.toJson(decoded))).isEqualTo(expected);
        }
    }

    @Test
    void labelsFingerprintsWithTypeAndVersion() {
        long current = SchemaNormalization.parsingFingerprint64(ModelVersion.getClassSchema());

        assertThat(decoder.labelOf(current)).contains("io.east.schemas.ModelVersion v1 (current)");
        assertThat(decoder.schemaOf(current)).hasValueSatisfying(schema ->
                assertThat(schema.getFullName()).isEqualTo("io.east.schemas.ModelVersion"));
        assertThat(decoder.labelOf(42L)).isEmpty();
    }

    @Test
    void knowsOnlyWhatItIsGiven() {
        AnyRecordDecoder onlyModelVersions = AnyRecordDecoder.of(List.of(ModelVersion.getClassSchema()));
        byte[] question = EastSerdes.questionTask().serialize((QuestionTask) SampleRecords.full().get(0));

        assertThatThrownBy(() -> onlyModelVersions.decode(question))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema fingerprint")
                .hasMessageContaining("written with a schema this build does not know");
        assertThatThrownBy(() -> AnyRecordDecoder.of(List.of(Schema.create(Schema.Type.STRING))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failuresNameTheRecordTheyWereDecoding() {
        byte[] question = EastSerdes.questionTask().serialize((QuestionTask) SampleRecords.full().get(0));

        assertThat(decoder.decode(null)).isNull();
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(question, question.length - 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode a record: truncated payload")
                .hasMessageContaining("ends inside a io.east.schemas.QuestionTask v1 (current) record");
        assertThatThrownBy(() -> decoder.decode(new byte[] {'h', 'i'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode a record: bad marker 0x68 0x69");
    }
}
