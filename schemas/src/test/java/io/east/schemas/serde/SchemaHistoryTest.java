package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Guards the wire format: every schema change must be released into the history and stay readable. */
class SchemaHistoryTest {

    private static final long SEED = 20250314L;

    private final SchemaHistory history = SchemaHistory.released();

    @Test
    void everyCurrentSchemaIsAReleasedVersion() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : versionedTypes()) {
            problems.addAll(SchemaEvolutionCheck.releaseProblems(type, history.versionsOf(type.getName())));
        }
        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyCurrentClassReadsEveryReleasedVersion() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : versionedTypes()) {
            problems.addAll(SchemaEvolutionCheck.readabilityProblems(type, history.versionsOf(type.getName()), SEED));
        }
        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void indexListsExactlyTheHistoryFiles() throws IOException {
        Path historyDir = historySourceDir();
        List<String> indexed = Files.readAllLines(historyDir.resolve("index.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        List<String> problems = SchemaEvolutionCheck.indexProblems(historyDir, indexed);

        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
        assertThat(history.paths())
                .as("the history on the runtime classpath (east/schema-history/) is the one in the sources")
                .isEqualTo(indexed);
    }

    @Test
    void historyHoldsOnlyTopLevelTypes() {
        Set<String> types = new HashSet<>();
        versionedTypes().forEach(type -> types.add(type.getName()));

        assertThat(types).as("a released record type may not disappear: its records stay on the topics")
                .containsAll(history.recordNames());
    }

    @Test
    void versionsOfATypeAreDistinct() {
        for (String name : history.recordNames()) {
            Set<Long> fingerprints = new HashSet<>();
            for (Schema version : history.versionsOf(name)) {
                assertThat(fingerprints.add(SchemaNormalization.parsingFingerprint64(version)))
                        .as("%s has two versions with the same parsing form", name)
                        .isTrue();
            }
        }
    }

    @Test
    void versionsAreFoundByFullOrSimpleName() {
        assertThat(history.versionsOf("io.east.schemas.ModelVersion")).isNotEmpty()
                .isEqualTo(history.versionsOf("ModelVersion"));
        assertThat(history.versionsOf("NoSuchRecord")).isEmpty();
        assertThat(history.all()).hasSizeGreaterThanOrEqualTo(EastSerdes.ALL_TYPES.size());
    }

    /** Topic value types and state store value types: both live on topics (state in changelogs). */
    private static List<Class<? extends SpecificRecord>> versionedTypes() {
        List<Class<? extends SpecificRecord>> types = new ArrayList<>(EastSerdes.ALL_TYPES);
        types.addAll(EastSerdes.STATE_TYPES);
        return types;
    }

    /** Surefire runs in the module directory; {@code east.root} covers runs from elsewhere. */
    static Path historySourceDir() {
        Path local = Path.of("src/test/resources/history");
        if (Files.isDirectory(local)) {
            return local;
        }
        return Path.of(System.getProperty("east.root", "."), SchemaEvolutionCheck.HISTORY_SOURCE);
    }
}
