package io.east.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The rules a schema change must follow, as lists of problems (empty when all is well) so that tests can both
 * enforce them on the real schemas and prove, on deliberately bad schemas, that they catch what they should.
 */
final class SchemaEvolutionCheck {

    static final String HISTORY_SOURCE = "schemas/src/test/resources/history";
    static final int DATUMS_PER_VERSION = 200;

    private SchemaEvolutionCheck() {
    }

    /** The current schema of {@code type} must be one of its released versions. */
    static List<String> releaseProblems(Class<? extends SpecificRecord> type, List<Schema> released) {
        Schema current = AvroSerde.currentSchema(type);
        long fingerprint = SchemaNormalization.parsingFingerprint64(current);
        for (Schema version : released) {
            if (SchemaNormalization.parsingFingerprint64(version) == fingerprint) {
                return List.of();
            }
        }
        String name = current.getName();
        return List.of("schema " + name + " changed: add it to " + HISTORY_SOURCE + "/" + name + "/v"
                + (released.size() + 1) + ".avsc (and index.txt) once released");
    }

    /** The current class of {@code type} must read records written with every released version. */
    static <T extends SpecificRecord> List<String> readabilityProblems(Class<T> type, List<Schema> released,
                                                                        long seed) {
        AvroSerde<T> serde = AvroSerde.of(type, released);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            String label = type.getSimpleName() + " v" + (i + 1);
            problems.addAll(compatibilityProblems(released.get(i), serde.schema(), label));
            problems.addAll(decodeProblems(released.get(i), label, serde, DATUMS_PER_VERSION, seed + i));
        }
        return problems;
    }

    /** Avro's static verdict on whether {@code reader} can read what {@code writer} wrote. */
    static List<String> compatibilityProblems(Schema writer, Schema reader, String writerLabel) {
        SchemaCompatibility.SchemaPairCompatibility verdict =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (verdict.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : verdict.getResult().getIncompatibilities()) {
            problems.add("current " + reader.getName() + " cannot read " + writerLabel + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage());
        }
        return problems;
    }

    /**
     * Writes random datums with {@code writer} in single-object encoding and decodes them with {@code serde}; each
     * must decode, and to what Avro's own generic schema resolution makes of the same bytes. Reports the first
     * failure only, with the datum, since later ones are usually the same problem again.
     */
    static <T extends SpecificRecord> List<String> decodeProblems(Schema writer, String writerLabel,
                                                                   AvroSerde<T> serde, int datums, long seed) {
        RandomDatums random = new RandomDatums(seed);
        for (int i = 0; i < datums; i++) {
            GenericRecord written = (GenericRecord) random.of(writer);
            byte[] bytes = SingleObjects.encode(writer, written);
            String context = writerLabel + " datum #" + i + " (seed " + seed + ") " + written;
            T decoded;
            try {
                decoded = serde.deserialize(bytes);
            } catch (SerializationException e) {
                return List.of("current " + serde.type().getSimpleName() + " cannot decode " + context + ": "
                        + e.getMessage());
            }
            GenericRecord expected;
            GenericRecord actual;
            try {
                expected = readBody(bytes, writer, serde.schema());
                actual = readBody(serde.serialize(decoded), serde.schema(), serde.schema());
            } catch (IOException | RuntimeException e) {
                return List.of("Avro's own resolution fails on " + context + ": " + e);
            }
            if (!expected.equals(actual)) {
                return List.of(context + " decoded as " + actual + " but Avro resolves it to " + expected);
            }
        }
        return List.of();
    }

    /** The index must list each file under the history directory once, and nothing else. */
    static List<String> indexProblems(Path historyDir, List<String> indexed) {
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(historyDir)) {
            files.filter(Files::isRegularFile)
                    .map(file -> historyDir.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !path.equals("index.txt"))
                    .forEach(present::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String path : indexed) {
            if (!seen.add(path)) {
                problems.add("index.txt lists " + path + " more than once");
            } else if (!present.contains(path)) {
                problems.add("index.txt lists " + path + ", which is not in " + HISTORY_SOURCE);
            }
        }
        for (String path : present) {
            if (!seen.contains(path)) {
                problems.add(HISTORY_SOURCE + "/" + path + " is not listed in index.txt");
            }
        }
        return problems;
    }

    private static GenericRecord readBody(byte[] singleObject, Schema writer, Schema reader) throws IOException {
        int header = SingleObjectFrame.HEADER_LENGTH;
        return new GenericDatumReader<GenericRecord>(writer, reader, GenericData.get()).read(null,
                DecoderFactory.get().binaryDecoder(singleObject, header, singleObject.length - header, null));
    }
}
