package io.east.schemas.serde;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde of one generated record class in Avro single-object encoding: {@code 0xC3 0x01}, the writer schema's
 * 8-byte little-endian CRC-64-AVRO fingerprint, then the Avro binary body.
 *
 * <p>It always writes with the class's current schema. It reads records written with the current schema or with any
 * released version of it in the {@link SchemaHistory}, resolving them to the current class (new fields take their
 * defaults). A {@code null} record serialises to {@code null} and {@code null} bytes (a tombstone) deserialise to
 * {@code null}. Failures are {@link SerializationException}s naming the type and what was wrong.
 *
 * <p>Thread-safe: the writer schemas are fixed at construction, and the frame writer and Avro's datum readers keep
 * their per-call state in thread-locals, so one instance may serve every Kafka Streams thread.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final Schema schema;
    private final FrameWriter<T> writer;
    private final Map<Long, WriterSchema<T>> readers;
    private final Serializer<T> serializer = (topic, record) -> serialize(record, topic);
    private final Deserializer<T> deserializer = (topic, data) -> deserialize(data, topic);

    private record WriterSchema<T>(String label, DatumReader<T> reader) {
    }

    private AvroSerde(Class<T> type, Collection<Schema> writerSchemas) {
        this.type = type;
        this.schema = currentSchema(type);
        SpecificData model = GeneratedClassModel.of(type, schema);
        @SuppressWarnings("unchecked")
        DatumWriter<T> datumWriter = (DatumWriter<T>) model.createDatumWriter(schema);
        this.writer = new FrameWriter<>(datumWriter, schema);
        Map<Long, WriterSchema<T>> byFingerprint = new LinkedHashMap<>();
        List<Schema> history = SchemaHistory.released().versionsOf(schema.getFullName());
        for (int i = 0; i < history.size(); i++) {
            register(byFingerprint, model, history.get(i), schema.getName() + " v" + (i + 1));
        }
        for (Schema extra : writerSchemas) {
            register(byFingerprint, model, extra, schema.getName() + " writer schema " + hex(extra));
        }
        WriterSchema<T> released = byFingerprint.get(SchemaNormalization.parsingFingerprint64(schema));
        register(byFingerprint, model, schema,
                released == null ? schema.getName() + " (current, unreleased)" : released.label() + " (current)");
        this.readers = Map.copyOf(byFingerprint);
    }

    /** The serde of a generated class, knowing its current schema and every released version. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, List.of());
    }

    /**
     * As {@link #of(Class)}, also reading records written with {@code extraWriterSchemas}: versions not (yet) in the
     * history, such as a test's older or newer variant of the record. They are not checked for compatibility; a
     * record that cannot be resolved fails when it is decoded.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, Collection<Schema> extraWriterSchemas) {
        return new AvroSerde<>(type, List.copyOf(extraWriterSchemas));
    }

    /** The schema a generated class was compiled from. */
    public static Schema currentSchema(Class<? extends SpecificRecord> type) {
        return SpecificData.getForClass(type).getSchema(type);
    }

    public Class<T> type() {
        return type;
    }

    /** The schema this serde writes with. */
    public Schema schema() {
        return schema;
    }

    /** Fingerprints of every writer schema this serde can read. */
    public Set<Long> readableFingerprints() {
        return readers.keySet();
    }

    public byte[] serialize(T record) {
        return serialize(record, null);
    }

    public T deserialize(byte[] data) {
        return deserialize(data, null);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private byte[] serialize(T record, String topic) {
        if (record == null) {
            return null;
        }
        try {
            return writer.write(record);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + describe(topic) + ": " + e.getMessage(), e);
        }
    }

    private T deserialize(byte[] data, String topic) {
        if (data == null) {
            return null;
        }
        String what = describe(topic);
        long fingerprint = SingleObjectFrame.fingerprint(data, what);
        WriterSchema<T> writer = readers.get(fingerprint);
        if (writer == null) {
            throw SingleObjectFrame.failure(what, "unknown schema fingerprint " + SingleObjectFrame.hex(fingerprint)
                    + ": written with a schema this build does not know"
                    + AnyRecordDecoder.whoseFingerprint(fingerprint)
                    + "; it reads " + readers.values().stream().map(WriterSchema::label).toList());
        }
        return SingleObjectFrame.readBody(data, writer.reader(), what, writer.label());
    }

    private String describe(String topic) {
        return type.getName() + (topic == null ? "" : " on topic " + topic);
    }

    @SuppressWarnings("unchecked")
    private void register(Map<Long, WriterSchema<T>> byFingerprint, SpecificData model, Schema writer, String label) {
        DatumReader<T> reader = (DatumReader<T>) model.createDatumReader(writer, schema);
        byFingerprint.put(SchemaNormalization.parsingFingerprint64(writer), new WriterSchema<>(label, reader));
    }

    private static String hex(Schema schema) {
        return SingleObjectFrame.hex(SchemaNormalization.parsingFingerprint64(schema));
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getName() + ", reads " + readers.size() + " schema(s)]";
    }
}
