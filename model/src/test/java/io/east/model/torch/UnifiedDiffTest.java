package io.east.model.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @TempDir
    Path dir;

    @Test
    void theBf16PatchAppliesToTheVendoredDjlSources() throws IOException {
        NativeSources sources = NativeSources.extract(dir);
        String utils = Files.readString(sources.djlDir().resolve("native/djl_pytorch_utils.h"));
        assertThat(utils).contains("case 11:\n      return torch::kBFloat16;")
                .contains("} else if (torch::kBFloat16 == type) {\n    return 11;")
                .contains("TORCH_CHECK(false, \"DJL data type \", dtype");
        assertThat(sources.djlUnits()).hasSize(15).allMatch(p -> p.toString().endsWith(".cc"));
        assertThat(sources.djlDir().resolve("include/ai_djl_pytorch_jni_PyTorchLibrary.h")).isRegularFile();
        assertThat(sources.opsSource()).isRegularFile();
        assertThat(sources.fingerprint()).matches("[0-9a-f]{16}-[0-9a-f]{16}");
    }

    @Test
    void linesMoveByWhatEarlierHunksAdded() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "a\nb\nc\nd\ne\nf\n");
        UnifiedDiff.apply("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,2 +1,3 @@
                 a
                +a2
                 b
                @@ -5,2 +6,2 @@
                -e
                +E
                 f
                """, dir);
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("a\na2\nb\nc\nd\nE\nf\n");
    }

    @Test
    void aHunkThatDoesNotMatchNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "a\nb\n");
        assertThatThrownBy(() -> UnifiedDiff.apply("--- a/f.txt\n+++ b/f.txt\n@@ -1,1 +1,1 @@\n-x\n+y\n", dir))
                .isInstanceOf(IOException.class).hasMessageContaining("f.txt").hasMessageContaining("does not match");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("a\nb\n");
    }

    @Test
    void aPathOutsideTheTreeIsRefused() {
        assertThatThrownBy(() -> UnifiedDiff.apply("--- a/../x\n+++ b/../x\n@@ -1,1 +1,1 @@\n-x\n+y\n", dir))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the tree");
    }
}
