package io.east.producers.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.producers.testing.TinyCheckpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which announced pointers a worker may follow: only checkpoints whose every file really lies under the root. */
class CheckpointRootTest {

    @TempDir
    Path temp;

    private Path rootDir;
    private CheckpointRoot root;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("checkpoints"));
        root = CheckpointRoot.of(rootDir);
        outside = TinyCheckpoints.filesOnly(temp.resolve("elsewhere/v000009"));
    }

    private static String uri(Path path) {
        return path.toUri().toString();
    }

    @Test
    void aMissingRootIsCreatedSoAWorkerMayStartBeforeTheTrainer() throws Exception {
        Path missing = temp.resolve("later/runs/main");

        CheckpointRoot created = CheckpointRoot.createIfMissing(missing);

        assertThat(missing).isDirectory();
        assertThat(created.realPath()).isEqualTo(missing.toRealPath());
        Path v1 = TinyCheckpoints.filesOnly(missing.resolve("v000001"));
        assertThat(created.admit(uri(v1))).isEqualTo(v1.toRealPath());
    }

    @Test
    void aRootThatCannotBeCreatedIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> CheckpointRoot.createIfMissing(file.resolve("root")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint root " + file.resolve("root") + " does not exist and cannot be created");
        assertThatThrownBy(() -> CheckpointRoot.createIfMissing(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aCheckpointInsideTheRootIsAdmittedAsItsRealPath() throws Exception {
        Path v1 = TinyCheckpoints.filesOnly(rootDir.resolve("v000001"));

        assertThat(root.admit(uri(v1))).isEqualTo(v1.toRealPath());
        assertThat(root.admit("file://" + rootDir.toRealPath() + "/./v000001/")).isEqualTo(v1.toRealPath());
    }

    @Test
    void aCheckpointOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> root.admit(uri(outside)))
                .isInstanceOf(RefusedPointerException.class)
                .hasMessageContaining(uri(outside))
                .hasMessageContaining("outside the checkpoint root " + root.realPath());
    }

    @Test
    void dotDotCannotClimbOutOfTheRoot() {
        String climbing = "file://" + rootDir.toAbsolutePath() + "/../elsewhere/v000009";

        assertThatThrownBy(() -> root.admit(climbing))
                .isInstanceOf(RefusedPointerException.class).hasMessageContaining("outside the checkpoint root");
    }

    @Test
    void aSymbolicLinkInsideTheRootThatLeadsOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(rootDir.resolve("v000002"), outside);

        assertThatThrownBy(() -> root.admit(uri(link)))
                .isInstanceOf(RefusedPointerException.class)
                .hasMessageContaining("it resolves to " + outside.toRealPath())
                .hasMessageContaining("outside the checkpoint root");
    }

    @Test
    void aWeightsFileLinkedToOutsideTheRootIsRefused() throws Exception {
        Path v3 = Files.createDirectories(rootDir.resolve("v000003"));
        Files.writeString(v3.resolve("config.json"), "{}");
        Files.writeString(v3.resolve("tokenizer.json"), "{}");
        Files.createSymbolicLink(v3.resolve("model.safetensors"), outside.resolve("model.safetensors"));

        assertThatThrownBy(() -> root.admit(uri(v3)))
                .isInstanceOf(RefusedPointerException.class)
                .hasMessageContaining("model.safetensors resolves to " + outside.resolve("model.safetensors").toRealPath());
    }

    @Test
    void aShardIndexNamingAFileOutsideTheRootIsRefused() throws Exception {
        Path v4 = TinyCheckpoints.filesOnly(rootDir.resolve("v000004"));
        Files.delete(v4.resolve("model.safetensors"));
        Files.writeString(v4.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"model.norm.weight\": \"../../elsewhere/v000009/model.safetensors\"}}");

        assertThatThrownBy(() -> root.admit(uri(v4)))
                .isInstanceOf(RefusedPointerException.class).hasMessageContaining("outside the checkpoint root");
    }

    @Test
    void aMissingDirectoryOrFileIsRefused() throws Exception {
        assertThatThrownBy(() -> root.admit(uri(rootDir.resolve("v000404"))))
                .isInstanceOf(RefusedPointerException.class).hasMessageContaining("no such directory");

        Path incomplete = Files.createDirectories(rootDir.resolve("v000005"));
        Files.writeString(incomplete.resolve("config.json"), "{}");
        assertThatThrownBy(() -> root.admit(uri(incomplete)))
                .isInstanceOf(RefusedPointerException.class)
                .hasMessageContaining("not a checkpoint: tokenizer.json is missing");
    }

    @Test
    void onlyAbsoluteLocalFileUrisArePointers() {
        String[] refused = {"", "http://example.com/v1", "s3://bucket/v1", "file:v000001", "/plain/path",
            "file://host/" + rootDir + "/v1", "file://" + rootDir + "/v1?x=1", "not a uri"};
        for (String pointer : refused) {
            assertThatThrownBy(() -> root.admit(pointer)).as(pointer).isInstanceOf(RefusedPointerException.class);
        }
        assertThatThrownBy(() -> root.admit(uri(rootDir)))
                .as("the root itself is no checkpoint").isInstanceOf(RefusedPointerException.class);
    }

    @Test
    void theRootMustBeAnExistingDirectory() {
        assertThatThrownBy(() -> CheckpointRoot.of(temp.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }
}
