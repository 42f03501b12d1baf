package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Everything", "namespace": "io.east.test", "fields": [
              {"name": "text", "type": "string"},
              {"name": "maybe", "type": ["null", "string"]},
              {"name": "number", "type": ["null", "long", "double"]},
              {"name": "blob", "type": "bytes"},
              {"name": "digest", "type": {"type": "fixed", "name": "Digest", "size": 4}},
              {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
              {"name": "scores", "type": {"type": "map", "values": "double"}},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "inner", "type": ["null", {"type": "record", "name": "Inner", "fields": [
                {"name": "flag", "type": "boolean"},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
              ]}]},
              {"name": "ratio", "type": "float"}
            ]}""");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void awkwardTextIsEscapedAndRoundTrips() throws Exception {
        String awkward = "say \"hi\"\nback\\slash\ttab \u0001 é 中文 😀 \u2028 "
                + "</script><script>alert('x')</script> & more";
        GenericRecord record = everything(awkward, null);

        String json = RecordJson.toJson(record);

        assertThat(json).doesNotContain("\n", "\r", "\u2028", "<", ">", "&").startsWith("{\"text\":");
        assertThat(json).contains("\\\"hi\\\"", "\\n", "\\\\slash", "\\u003C", "é 中文 😀");
        assertThat(mapper.readTree(json).get("text").asText()).isEqualTo(awkward);
    }

    @Test
    void unionsAreUnwrappedAndNullIsNull() throws Exception {
        JsonNode empty = mapper.readTree(RecordJson.toJson(everything("x", null)));
        GenericRecord full = everything("x", new Utf8("present"));
        full.put("number", 7L);
        JsonNode present = mapper.readTree(RecordJson.toJson(full));

        assertThat(empty.get("maybe").isNull()).isTrue();
        assertThat(empty.get("number").isNull()).isTrue();
        assertThat(empty.get("inner").isNull()).isTrue();
        assertThat(present.get("maybe").asText()).isEqualTo("present");
        assertThat(present.get("number").isIntegralNumber()).isTrue();
        assertThat(present.get("number").asLong()).isEqualTo(7);
    }

    @Test
    void nestedValuesBecomeObjectsArraysAndStrings() throws Exception {
        GenericRecord record = everything("x", null);
        GenericRecord inner = new GenericData.Record(SCHEMA.getField("inner").schema().getTypes().get(1));
        inner.put("flag", true);
        inner.put("at", 1_700_000_000_123L);
        record.put("inner", inner);
        record.put("number", Double.NaN);

        JsonNode json = mapper.readTree(RecordJson.toJson(record));

        assertThat(json.get("inner").get("flag").asBoolean()).isTrue();
        assertThat(json.get("inner").get("at").asLong()).isEqualTo(1_700_000_000_123L);
        assertThat(json.get("number").asText()).isEqualTo("NaN");
        assertThat(json.get("blob").asText()).isEqualTo("AP+A");
        assertThat(json.get("digest").asText()).isEqualTo("3q2+7w==");
        assertThat(json.get("colour").asText()).isEqualTo("GREEN");
        assertThat(json.get("scores").toString()).isEqualTo("{\"a\":1.5,\"b\":\"Infinity\",\"c\":\"-Infinity\"}");
        assertThat(json.get("tags").toString()).isEqualTo("[\"one\",\"two\"]");
        assertThat(json.get("ratio").asDouble()).isEqualTo(0.25);
    }

    @Test
    void generatedRecordsRenderTimestampsAsEpochMillis() throws Exception {
        TrainMetrics metrics = (TrainMetrics) SampleRecords.full().get(6);

        JsonNode json = mapper.readTree(RecordJson.toJson(metrics));

        assertThat(json.get("created_at").isIntegralNumber()).isTrue();
        assertThat(json.get("created_at").asLong()).isEqualTo(SampleRecords.CREATED_AT.toEpochMilli());
        assertThat(json.get("grad_norm").asText()).isEqualTo("NaN");
        assertThat(json.get("tokens_per_second").asText()).isEqualTo("Infinity");
        assertThat(json.get("experiment").asText()).isEqualTo("ablation-1");
    }

    @Test
    void generatedNestedRecordsMapsAndBytesRender() throws Exception {
        JsonNode stats = mapper.readTree(RecordJson.toJson((WeightStats) SampleRecords.full().get(4)));
        JsonNode group = mapper.readTree(RecordJson.toJson((GroupSummary) SampleRecords.full().get(2)));
        DeadLetter letter = (DeadLetter) SampleRecords.full().get(8);
        JsonNode dead = mapper.readTree(RecordJson.toJson(letter));

        assertThat(stats.get("entropy_histogram").get("counts").toString()).isEqualTo("[4,10,30,20]");
        assertThat(stats.get("discarded").toString()).isEqualTo("{\"all_correct\":12,\"all_wrong\":3}");
        assertThat(group.get("clusters").get(2).get("answer").isNull()).isTrue();
        assertThat(group.get("chosen_index").asInt()).isZero();
        assertThat(dead.get("key").asText()).isEqualTo("Z3NtOGstMTctcjI=");
        assertThat(dead.get("value").asText()).isEqualTo("wwEA/3+A");
        assertThat(letter.getKey().position()).as("rendering must not consume the buffer").isZero();
    }

    @Test
    void outputIsOneLine() {
        for (var record : SampleRecords.full()) {
            assertThat(RecordJson.toJson((GenericRecord) record)).doesNotContain("\n").startsWith("{").endsWith("}");
        }
        assertThat(RecordJson.toJson(null)).isEqualTo("null");
    }

    @Test
    void instantsInUnionsResolve() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "When", "fields": [
                  {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}]}
                ]}""");
        GenericRecord record = new GenericData.Record(schema);
        record.put("at", Instant.ofEpochMilli(1234));

        assertThat(RecordJson.toJson(record)).isEqualTo("{\"at\":1234}");
    }

    private static GenericRecord everything(String text, Object maybe) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("text", text);
        record.put("maybe", maybe);
        record.put("number", null);
        record.put("blob", ByteBuffer.wrap(new byte[] {0, -1, -128}));
        record.put("digest", new GenericData.Fixed(SCHEMA.getField("digest").schema(),
                new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF}));
        record.put("colour", new GenericData.EnumSymbol(SCHEMA.getField("colour").schema(), "GREEN"));
        record.put("scores", Map.of(new Utf8("b"), Double.POSITIVE_INFINITY, "a", 1.5,
                new Utf8("c"), Double.NEGATIVE_INFINITY));
        record.put("tags", List.of("one", new Utf8("two")));
        record.put("inner", null);
        record.put("ratio", 0.25f);
        return record;
    }
}
