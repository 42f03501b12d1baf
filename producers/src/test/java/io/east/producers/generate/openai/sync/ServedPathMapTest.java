package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What path the server is given for a checkpoint this machine finds locally. */
class ServedPathMapTest {

    @TempDir
    Path temp;

    @Test
    void aPathUnderLocalMovesUnderRemote() throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        ServedPathMap map = ServedPathMap.parse(List.of(root + "=/mnt/ckpt/"));

        assertThat(map.translate(root.resolve("main/v000002"))).isEqualTo("/mnt/ckpt/main/v000002");
        assertThat(map.translate(root)).isEqualTo("/mnt/ckpt");
    }

    @Test
    void theLongestLocalWinsAndOtherPathsPassUnchanged() throws Exception {
        Path root = Files.createDirectories(temp.resolve("data/checkpoints/main")).toRealPath();
        Path data = temp.resolve("data").toRealPath();
        ServedPathMap map = ServedPathMap.parse(List.of(data + "=/shared", root + "=/fast/main"));

        assertThat(map.translate(root.resolve("v000001"))).isEqualTo("/fast/main/v000001");
        assertThat(map.translate(data.resolve("other/v000001"))).isEqualTo("/shared/other/v000001");
        assertThat(map.translate(Path.of("/elsewhere/v1"))).isEqualTo("/elsewhere/v1");
        assertThat(ServedPathMap.identity().translate(root)).isEqualTo(root.toString());
    }

    @Test
    void aLinkedLocalIsTakenAsItsRealPathLikeAdmittedCheckpoints() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real")).toRealPath();
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        ServedPathMap map = ServedPathMap.parse(List.of(link + "=/remote"));

        assertThat(map.translate(real.resolve("v000003"))).isEqualTo("/remote/v000003");
    }

    @Test
    void badMappingsAreRefusedWithTheirText() {
        assertThatThrownBy(() -> ServedPathMap.parse(List.of("/a")))
                .hasMessageContaining("a path mapping is LOCAL=REMOTE, got '/a'");
        assertThatThrownBy(() -> ServedPathMap.parse(List.of("=/b")))
                .hasMessageContaining("neither side empty");
        assertThatThrownBy(() -> ServedPathMap.parse(List.of("/a=relative/b")))
                .hasMessageContaining("REMOTE must be an absolute path");
        assertThatThrownBy(() -> ServedPathMap.parse(List.of("/a=/b/../c")))
                .hasMessageContaining("REMOTE must be an absolute path without . or ..");
        assertThatThrownBy(() -> ServedPathMap.parse(List.of("/a=/b", "/a/=/c")))
                .hasMessageContaining("/a is mapped twice");
    }
}
