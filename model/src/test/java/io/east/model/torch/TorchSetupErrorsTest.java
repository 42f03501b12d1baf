package io.east.model.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What torch-setup says when it cannot go on, on fake libtorch folders (no PyTorch needed). */
class TorchSetupErrorsTest {

    @TempDir
    Path dir;

    private Path fakeLibtorch(String version, boolean headers, String scriptHeader) throws IOException {
        Path root = dir.resolve("libtorch-" + version);
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("build-version"), version + "\n");
        Files.writeString(root.resolve("lib/libc10.so"), "not a library, but it names std::__cxx11::basic_string");
        Files.writeString(root.resolve("lib/libtorch_python.so"), "");
        if (headers) {
            Files.createDirectories(root.resolve("include/torch/csrc/api/include"));
            Files.writeString(root.resolve("include/torch/script.h"), scriptHeader);
        }
        return root;
    }

    private static TorchSetup.Options options() {
        return new TorchSetup.Options(2, null, null, false, false);
    }

    @Test
    void aLibtorchFolderIsReadForVersionCudaAndAbi() throws IOException {
        TorchInstallation cuda = TorchInstallation.fromLibtorch(fakeLibtorch("2.7.1+cu128", false, ""));
        assertThat(cuda.version()).isEqualTo("2.7.1");
        assertThat(cuda.cudaVersion()).isEqualTo("12.8");
        assertThat(cuda.flavor()).isEqualTo("cu128");
        assertThat(cuda.cxx11Abi()).isTrue();
        assertThat(cuda.librariesToSkip()).containsExactly("libtorch_python.so");
        TorchInstallation cpu = TorchInstallation.fromLibtorch(fakeLibtorch("2.6.0", false, ""));
        assertThat(cpu.cuda()).isFalse();
        assertThat(cpu.flavor()).isEqualTo("cpu");
    }

    @Test
    void notALibtorchFolder() {
        assertThatThrownBy(() -> TorchInstallation.fromLibtorch(dir)).isInstanceOf(SetupException.class)
                .hasMessageContaining("no build-version");
    }

    @Test
    void aPythonWithoutTorchSaysSo() throws IOException {
        Path python = dir.resolve("python");
        Files.writeString(python, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        assumeTrue(python.toFile().setExecutable(true));
        assertThatThrownBy(() -> TorchInstallation.fromPython(python)).isInstanceOf(SetupException.class)
                .hasMessageContaining("cannot import torch").hasMessageContaining("No module named 'torch'");
    }

    @Test
    void aMissingCompilerIsNamed() {
        assertThatThrownBy(() -> Toolchain.find("/nonexistent/g++", null)).isInstanceOf(SetupException.class)
                .hasMessageContaining("no C++ compiler").hasMessageContaining("/nonexistent/g++");
    }

    @Test
    void jniHeadersOutsideAJdkAreRefused() {
        assertThatThrownBy(() -> Toolchain.find("sh", dir)).isInstanceOf(SetupException.class)
                .hasMessageContaining("lacks jni.h");
    }

    @Test
    void missingCppHeadersAreNamedWithTheVersion() throws IOException {
        assumeTrue(compilerAndJdk());
        assertSetupRefuses(fakeLibtorch("2.6.0", false, ""), "PyTorch 2.6.0 (cpu)", "has no C++ headers", "script.h");
    }

    @Test
    void aCompileErrorNamesTheVersionAndTheFailingFile() throws IOException {
        assumeTrue(compilerAndJdk());
        TorchInstallation torch = TorchInstallation.fromLibtorch(
                fakeLibtorch("2.6.0", true, "#error this libtorch is broken\n"));
        Path home = dir.resolve("home");
        // Its headers are incomplete: the first unit stops at an include the folder lacks.
        assertThatThrownBy(() -> TorchSetup.run(torch, new TorchSetup.Options(1, null, null, false, false), home))
                .isInstanceOf(SetupException.class)
                .hasMessageMatching("(?s)compiling ai_djl_pytorch_jni_PyTorchLibrary_\\w+\\.cc against PyTorch "
                        + "2\\.6\\.0 \\(cpu\\) failed.*No such file or directory.*last-build\\.log");
        assertThat(home.resolve("last-build.log")).isRegularFile();
        assertThat(LibTorchSetup.active(home)).isEmpty();
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("last-build.log");
        }
    }

    @Test
    void aCudaBuildOnAMachineWithoutGpuIsRefused() throws IOException {
        assumeFalse(NvidiaGpus.visible(), "this machine has a GPU");
        assertSetupRefuses(fakeLibtorch("2.7.1+cu128", true, ""), "PyTorch 2.7.1 (cu128) is a CUDA build",
                "no NVIDIA GPU", "--allow-no-gpu");
    }

    @Test
    void aTooOldPyTorchIsRefused() throws IOException {
        assertSetupRefuses(fakeLibtorch("2.4.1", true, ""), "PyTorch 2.4.1 (cpu) is too old");
    }

    /** torch-setup refuses {@code libtorch} with a SetupException that says all of {@code message}. */
    private void assertSetupRefuses(Path libtorch, String... message) throws IOException {
        TorchInstallation torch = TorchInstallation.fromLibtorch(libtorch);
        assertThatThrownBy(() -> TorchSetup.run(torch, options(), dir.resolve("home")))
                .isInstanceOf(SetupException.class).hasMessageContainingAll(message);
    }

    @Test
    void aRecordedSetupRoundTripsAndOffForgetsIt() throws IOException {
        Path home = dir.resolve("home");
        LibTorchSetup setup = new LibTorchSetup("2.11.0", "cu130", dir.resolve("torch/lib"),
                List.of(dir.resolve("nvidia/cu13/lib")), List.of("libtorch_python.so", "libshm.so"),
                dir.resolve("build"), "torch 2.11.0+cu130 of /usr/bin/python3", "0123456789abcdef");
        setup.makeActive(home);
        assertThat(LibTorchSetup.active(home)).contains(setup);
        assertThat(setup.missingFile()).isPresent();
        assertThat(LibTorchSetup.deactivate(home)).isTrue();
        assertThat(LibTorchSetup.active(home)).isEmpty();
    }

    private static boolean compilerAndJdk() {
        try {
            Toolchain.find(null, null);
            return true;
        } catch (SetupException | IOException e) {
            return false;
        }
    }
}
