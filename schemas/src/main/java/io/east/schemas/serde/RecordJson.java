package io.east.schemas.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Renders a record as one line of plain JSON, for people and for tools such as {@code jq}; not Avro's JSON encoding.
 *
 * <ul>
 *   <li>Fields sit at the top level in schema order; nested records are objects, arrays are arrays, maps are
 *       objects with their keys sorted.</li>
 *   <li>Unions are unwrapped: a value is written as itself, with no {@code {"string": ...}} wrapper.</li>
 *   <li>Timestamps are numbers as on the wire: epoch milliseconds for {@code timestamp-millis} (microseconds for
 *       {@code timestamp-micros}), whether the record holds a {@code long} or an {@link Instant}.</li>
 *   <li>Bytes and fixed are standard Base64 strings with padding.</li>
 *   <li>NaN and infinities, which JSON numbers cannot express, are the strings {@code "NaN"}, {@code "Infinity"},
 *       {@code "-Infinity"}.</li>
 *   <li>{@code <}, {@code >}, {@code &}, U+2028 and U+2029 are written as {@code \}{@code uXXXX} escapes, so the line
 *       can be embedded in an HTML page or a script without further escaping; other non-ASCII text is left as is.</li>
 * </ul>
 */
public final class RecordJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final CharacterEscapes HTML_SAFE = new HtmlSafeEscapes();
    /** Resolves union branches of records that hold converted values such as {@link Instant}s or Java enums. */
    private static final SpecificData MODEL = modelWithTimeConversions();

    private RecordJson() {
    }

    public static String toJson(GenericRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(HTML_SAFE);
            if (record == null) {
                json.writeNull();
            } else {
                writeRecord(json, record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + record.getSchema().getFullName() + " as JSON", e);
        }
        return out.toString();
    }

    private static void writeRecord(JsonGenerator json, IndexedRecord record) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.writeFieldName(field.name());
            write(json, field.schema(), record.get(field.pos()));
        }
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (schema.getType()) {
            case UNION -> write(json, schema.getTypes().get(MODEL.resolveUnion(schema, value)), value);
            case RECORD -> writeRecord(json, (IndexedRecord) value);
            case ARRAY -> {
                json.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    write(json, schema.getElementType(), item);
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                Map<String, Object> sorted = new TreeMap<>();
                ((Map<?, ?>) value).forEach((key, item) -> sorted.put(key.toString(), item));
                for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                    json.writeFieldName(entry.getKey());
                    write(json, schema.getValueType(), entry.getValue());
                }
                json.writeEndObject();
            }
            case INT -> writeInt(json, value);
            case LONG -> writeLong(json, schema.getLogicalType(), value);
            case FLOAT, DOUBLE -> writeFloating(json, ((Number) value).doubleValue());
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case BYTES -> writeBytes(json, value);
            case FIXED -> json.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case STRING, ENUM -> json.writeString(value.toString());
            case NULL -> json.writeNull();
        }
    }

    private static void writeInt(JsonGenerator json, Object value) throws IOException {
        if (value instanceof LocalDate date) {
            json.writeNumber(date.toEpochDay());
        } else if (value instanceof LocalTime time) {
            json.writeNumber(time.get(ChronoField.MILLI_OF_DAY));
        } else {
            json.writeNumber(((Number) value).intValue());
        }
    }

    private static void writeLong(JsonGenerator json, LogicalType logicalType, Object value) throws IOException {
        if (value instanceof Instant instant) {
            boolean micros = logicalType != null && logicalType.getName().equals("timestamp-micros");
            json.writeNumber(micros
                    ? Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000)
                    : instant.toEpochMilli());
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else {
            // Local date-times and other converted values: their ISO-8601 text is clearer than a guess at units.
            json.writeString(value.toString());
        }
    }

    private static void writeFloating(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeString("NaN");
        } else if (Double.isInfinite(value)) {
            json.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            json.writeNumber(value);
        }
    }

    private static void writeBytes(JsonGenerator json, Object value) throws IOException {
        if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
            return;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        json.writeString(Base64.getEncoder().encodeToString(bytes));
    }

    private static SpecificData modelWithTimeConversions() {
        SpecificData model = new SpecificData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        return model;
    }
}
