package io.east.schemas.serde;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes single-object-encoded records of any known schema to {@link GenericRecord}s, choosing the schema by the
 * fingerprint in the frame; for tools that read every topic without knowing its type, such as a tail.
 *
 * <p>Records come back as written: with the writer's own schema, not resolved to the current one, so an old record
 * shows the fields it really has. Strings may be {@link org.apache.avro.util.Utf8} and timestamps plain epoch
 * milliseconds. Thread-safe.
 */
public final class AnyRecordDecoder {

    private static final Lazy<AnyRecordDecoder> KNOWN = new Lazy<>(AnyRecordDecoder::buildKnown);

    private final Map<Long, Known> byFingerprint;

    private record Known(Schema schema, String label, GenericDatumReader<GenericRecord> reader) {
    }

    private AnyRecordDecoder(Map<Long, Known> byFingerprint) {
        this.byFingerprint = Map.copyOf(byFingerprint);
    }

    /** Knows the current schema of every type in {@link EastSerdes#ALL_TYPES} and every released version. */
    public static AnyRecordDecoder known() {
        return KNOWN.get();
    }

    /** Knows exactly the given record schemas, labelled by their full names. */
    public static AnyRecordDecoder of(Collection<Schema> schemas) {
        Map<Long, Known> byFingerprint = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            add(byFingerprint, schema, schema.getFullName());
        }
        return new AnyRecordDecoder(byFingerprint);
    }

    /** The record in {@code data} with its writer schema, or {@code null} for {@code null} (a tombstone). */
    public GenericRecord decode(byte[] data) {
        if (data == null) {
            return null;
        }
        long fingerprint = SingleObjectFrame.fingerprint(data, "a record");
        Known writer = byFingerprint.get(fingerprint);
        if (writer == null) {
            throw SingleObjectFrame.failure("a record", "unknown schema fingerprint "
                    + SingleObjectFrame.hex(fingerprint) + ": written with a schema this build does not know");
        }
        return SingleObjectFrame.readBody(data, writer.reader(), "a record", writer.label());
    }

    /** The writer-schema fingerprint in a frame's header. */
    public static long fingerprintOf(byte[] data) throws SerializationException {
        return SingleObjectFrame.fingerprint(data, "a record");
    }

    public Optional<Schema> schemaOf(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint)).map(Known::schema);
    }

    /** Which record and version a fingerprint belongs to, e.g. {@code io.east.schemas.ModelVersion v2 (current)}. */
    public Optional<String> labelOf(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint)).map(Known::label);
    }

    /** A hint for serdes that met a foreign fingerprint: the usual cause is a record of another type. */
    static String whoseFingerprint(long fingerprint) {
        return known().labelOf(fingerprint)
                .map(label -> " (it is the fingerprint of " + label + ": wrong topic or wrong serde?)")
                .orElse("");
    }

    private static AnyRecordDecoder buildKnown() {
        SchemaHistory history = SchemaHistory.released();
        Map<Long, Known> byFingerprint = new LinkedHashMap<>();
        for (String name : history.recordNames()) {
            List<Schema> versions = history.versionsOf(name);
            for (int i = 0; i < versions.size(); i++) {
                add(byFingerprint, versions.get(i), name + " v" + (i + 1));
            }
        }
        for (Class<? extends SpecificRecord> type : EastSerdes.ALL_TYPES) {
            Schema current = AvroSerde.currentSchema(type);
            Known released = byFingerprint.get(SchemaNormalization.parsingFingerprint64(current));
            add(byFingerprint, current, released == null
                    ? current.getFullName() + " (current, unreleased)" : released.label() + " (current)");
        }
        return new AnyRecordDecoder(byFingerprint);
    }

    private static void add(Map<Long, Known> byFingerprint, Schema schema, String label) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("not a record schema: " + schema.getFullName());
        }
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema, schema, GenericData.get());
        byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), new Known(schema, label, reader));
    }
}
