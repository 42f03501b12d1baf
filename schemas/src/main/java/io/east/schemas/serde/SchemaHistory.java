package io.east.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Every released version of every record schema, as packaged under {@value #ROOT}.
 *
 * <p>Files are {@code <RecordName>/v<N>.avsc}, numbered from 1 without gaps. Because a directory inside a jar cannot
 * be listed portably, {@value #INDEX} names them, one relative path a line; blank lines and {@code #} comments are
 * ignored. The sources live in {@code schemas/src/test/resources/history/}, which the build also packages here.
 */
public final class SchemaHistory {

    public static final String ROOT = "east/schema-history/";
    public static final String INDEX = ROOT + "index.txt";

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)/v([1-9][0-9]*)\\.avsc");

    private static final Lazy<SchemaHistory> RELEASED =
            new Lazy<>(() -> load(SchemaHistory.class.getClassLoader()));

    private final List<String> paths;
    /** Full record name to versions, index 0 being v1. */
    private final Map<String, List<Schema>> versionsByName;

    private SchemaHistory(List<String> paths, Map<String, List<Schema>> versionsByName) {
        this.paths = List.copyOf(paths);
        this.versionsByName = Collections.unmodifiableMap(versionsByName);
    }

    /** The history packaged with this build, loaded once. */
    public static SchemaHistory released() {
        return RELEASED.get();
    }

    /** Loads the history visible to {@code loader}; fails if the index is missing or names a bad or missing file. */
    public static SchemaHistory load(ClassLoader loader) {
        List<String> paths = readIndex(loader);
        Map<String, TreeMap<Integer, Schema>> byName = new TreeMap<>();
        for (String path : paths) {
            Matcher entry = ENTRY.matcher(path);
            if (!entry.matches()) {
                throw new IllegalStateException(INDEX + ": '" + path + "' is not of the form <RecordName>/v<N>.avsc");
            }
            Schema schema = parse(loader, path);
            if (schema.getType() != Schema.Type.RECORD || !schema.getName().equals(entry.group(1))) {
                throw new IllegalStateException(ROOT + path + " defines " + schema.getFullName()
                        + ", not a record named " + entry.group(1));
            }
            Schema previous = byName.computeIfAbsent(schema.getFullName(), name -> new TreeMap<>())
                    .put(Integer.parseInt(entry.group(2)), schema);
            if (previous != null) {
                throw new IllegalStateException(INDEX + " lists " + path + " twice");
            }
        }
        Map<String, List<Schema>> versionsByName = new TreeMap<>();
        byName.forEach((name, versions) -> {
            if (versions.lastKey() != versions.size()) {
                throw new IllegalStateException(INDEX + ": versions of " + name + " must run v1..vN without gaps, got v"
                        + versions.keySet().stream().map(String::valueOf).collect(Collectors.joining(", v")));
            }
            versionsByName.put(name, List.copyOf(versions.values()));
        });
        return new SchemaHistory(paths, versionsByName);
    }

    /**
     * The released versions of a record, oldest (v1) first; empty if it was never released.
     *
     * @param recordName a full name such as {@code io.east.schemas.ModelVersion}, or a simple name if that is unique
     */
    public List<Schema> versionsOf(String recordName) {
        List<Schema> versions = versionsByName.get(recordName);
        if (versions != null) {
            return versions;
        }
        List<String> matches = versionsByName.keySet().stream()
                .filter(name -> name.endsWith("." + recordName))
                .toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("record name " + recordName + " is ambiguous: " + matches);
        }
        return matches.isEmpty() ? List.of() : versionsByName.get(matches.get(0));
    }

    /** Every released schema of every record. */
    public Collection<Schema> all() {
        return versionsByName.values().stream().flatMap(List::stream).toList();
    }

    /** Full names of the records with at least one released version. */
    public Set<String> recordNames() {
        return versionsByName.keySet();
    }

    /** The index entries, as listed. */
    public List<String> paths() {
        return paths;
    }

    private static List<String> readIndex(ClassLoader loader) {
        InputStream in = loader.getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException(INDEX + " is not on the classpath: the schema history was not packaged");
        }
        List<String> paths = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#")) {
                    paths.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return paths;
    }

    private static Schema parse(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " lists " + path + ", but " + ROOT + path
                        + " is not on the classpath");
            }
            // A parser per file: each version defines its nested records again under the same names.
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + path, e);
        } catch (SchemaParseException e) {
            throw new IllegalStateException(ROOT + path + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }
}
