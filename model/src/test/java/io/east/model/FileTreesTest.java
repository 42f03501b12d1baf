package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void deletesAFolderWithEverythingUnderIt() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file.txt"), "x");
        Files.writeString(dir.resolve("tree/top.txt"), "y");

        FileTrees.deleteRecursively(dir.resolve("tree"));

        assertThat(dir.resolve("tree")).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMissingFolderIsNothingToDo() throws IOException {
        FileTrees.deleteRecursively(dir.resolve("never-made"));

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLinkInsideIsRemovedWithoutTouchingWhatItPointsAt() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "kept");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), outside);

        FileTrees.deleteRecursively(tree);

        assertThat(tree).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("kept");
    }
}
