package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.ModelVersion;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the loader treats histories other than the real one, served from a temporary directory. */
class SchemaHistoryLoaderTest {

    private static final String V1 = """
            {"type": "record", "name": "Thing", "namespace": "io.east.test",
             "fields": [{"name": "id", "type": "long"}]}""";
    private static final String V2 = """
            {"type": "record", "name": "Thing", "namespace": "io.east.test",
             "fields": [{"name": "id", "type": "long"}, {"name": "tag", "type": "string", "default": ""}]}""";

    @TempDir
    Path root;

    @Test
    void loadsVersionsInOrderIgnoringCommentsAndBlankLines() throws IOException {
        write("Thing/v2.avsc", V2);
        write("Thing/v1.avsc", V1);
        write("index.txt", "# released\n\nThing/v2.avsc\n  Thing/v1.avsc  \n");

        SchemaHistory history = SchemaHistory.load(loader());

        assertThat(history.paths()).containsExactly("Thing/v2.avsc", "Thing/v1.avsc");
        assertThat(history.recordNames()).containsExactly("io.east.test.Thing");
        assertThat(history.versionsOf("Thing")).extracting(schema -> schema.getFields().size()).containsExactly(1, 2);
        assertThat(history.versionsOf("io.east.test.Thing")).isEqualTo(history.versionsOf("Thing"));
        assertThat(history.all()).hasSize(2);
    }

    @Test
    void refusesGapsInVersions() throws IOException {
        write("Thing/v1.avsc", V1);
        write("Thing/v3.avsc", V2);
        write("index.txt", "Thing/v1.avsc\nThing/v3.avsc\n");

        assertThatThrownBy(() -> SchemaHistory.load(loader()))
                .hasMessageContaining("versions of io.east.test.Thing must run v1..vN without gaps, got v1, v3");
    }

    @Test
    void refusesAFileDefiningAnotherRecord() throws IOException {
        write("Other/v1.avsc", V1);
        write("index.txt", "Other/v1.avsc\n");

        assertThatThrownBy(() -> SchemaHistory.load(loader()))
                .hasMessageContaining("east/schema-history/Other/v1.avsc defines io.east.test.Thing");
    }

    @Test
    void refusesMissingFilesBadNamesAndBadSchemas() throws IOException {
        write("index.txt", "Thing/v1.avsc\n");
        assertThatThrownBy(() -> SchemaHistory.load(loader())).hasMessageContaining("is not on the classpath");

        write("index.txt", "Thing/version1.avsc\n");
        assertThatThrownBy(() -> SchemaHistory.load(loader())).hasMessageContaining("<RecordName>/v<N>.avsc");

        write("Thing/v1.avsc", "{\"type\": \"record\"");
        write("index.txt", "Thing/v1.avsc\n");
        assertThatThrownBy(() -> SchemaHistory.load(loader())).hasMessageContaining("is not a valid Avro schema");
    }

    @Test
    void refusesAMissingIndex() {
        assertThatThrownBy(() -> SchemaHistory.load(loader()))
                .hasMessageContaining("east/schema-history/index.txt is not on the classpath");
    }

    @Test
    void theReleaseCheckSeesAnOutdatedHistory() throws IOException {
        write("ModelVersion/v1.avsc", SchemaEvolutionCheckTest.COMPATIBLE_OLDER.toString());
        write("index.txt", "ModelVersion/v1.avsc\n");

        SchemaHistory history = SchemaHistory.load(loader());

        assertThat(SchemaEvolutionCheck.releaseProblems(ModelVersion.class, history.versionsOf("ModelVersion")))
                .singleElement().asString().startsWith("schema ModelVersion changed: add it to "
                        + "schemas/src/test/resources/history/ModelVersion/v2.avsc");
        assertThat(SchemaEvolutionCheck.readabilityProblems(ModelVersion.class, history.versionsOf("ModelVersion"), 3))
                .isEmpty();
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(SchemaHistory.ROOT).resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Sees only the temporary directory, not the build's own history. */
    private ClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
