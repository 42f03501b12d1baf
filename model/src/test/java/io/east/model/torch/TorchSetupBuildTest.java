package io.east.model.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.east.model.TestPython;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * torch-setup against a real pip torch: compiles DJL's JNI and the fused kernels (minutes the first time; the build
 * is kept under ~/.east/torch-test and reused while the sources are unchanged) and checks them in a fresh JVM.
 * Skipped without a Python with torch (EAST_TEST_PYTHON), as in CI.
 */
class TorchSetupBuildTest {

    @Test
    void buildsAndChecksTheJniAgainstAPipTorch() throws Exception {
        Optional<Path> python = TestPython.find();
        assumeTrue(python.isPresent(), TestPython.MISSING + "; the JNI build against a pip torch is not tested");
        Path home = Path.of(System.getProperty("user.home"), ".east", "torch-test");
        TorchInstallation torch = TorchInstallation.fromPython(python.get());
        LibTorchSetup setup = TorchSetup.run(torch, new TorchSetup.Options(
                Runtime.getRuntime().availableProcessors(), null, null, false, true), home);
        assertThat(setup.version()).isEqualTo(torch.version());
        assertThat(setup.missingFile()).isEmpty();
        assertThat(NativeBuild.djlJniPath(setup.buildDir(), torch)).isRegularFile();
        assertThat(LibTorchSetup.active(home)).contains(setup);
    }
}
