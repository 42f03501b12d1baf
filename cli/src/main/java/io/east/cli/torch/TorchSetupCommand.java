package io.east.cli.torch;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.torch.LibTorchSetup;
import io.east.model.torch.SetupException;
import io.east.model.torch.Toolchain;
import io.east.model.torch.TorchInstallation;
import io.east.model.torch.TorchSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds DJL's JNI against an installed PyTorch so that every east command trains and samples on it. */
@Command(name = "torch-setup", mixinStandardHelpOptions = true, sortOptions = false)
public final class TorchSetupCommand implements Callable<Integer> {

    @Option(names = "--python", paramLabel = "PY") private Path python;
    @Option(names = "--libtorch", paramLabel = "DIR") private Path libtorch;
    @Option(names = "--jobs", paramLabel = "N") private Integer jobs;
    @Option(names = "--cxx", paramLabel = "PATH") private String compiler;
    @Option(names = "--jni-include", paramLabel = "DIR") private Path jniInclude;
    @Option(names = "--force") private boolean force;
    @Option(names = "--allow-no-gpu") private boolean allowNoGpu;
    @Option(names = "--status") private boolean status;
    @Option(names = "--off") private boolean off;

    @Override
    public Integer call() throws Exception {
        Path home = LibTorchSetup.home();
        if (status) {
            Optional<LibTorchSetup> active = LibTorchSetup.active(home);
            System.out.println(active.map(s -> "libtorch: " + s.describe() + " from " + s.libDir() + " (" + s.origin()
                    + "), built in " + s.buildDir()).orElse("libtorch: the bundled CPU libtorch (no torch-setup "
                    + "recorded under " + home + ")"));
            return ExitCodes.OK;
        }
        if (off) {
            boolean was = LibTorchSetup.deactivate(home);
            System.out.println(was ? "libtorch: back to the bundled CPU libtorch" : "libtorch: no setup was active");
            return ExitCodes.OK;
        }
        if (python != null && libtorch != null) {
            throw new UsageException("--python and --libtorch contradict each other: give one");
        }
        if (jobs != null) {
            Usage.atLeast(jobs, 1, "--jobs");
        }
        if (libtorch != null && !Files.isDirectory(libtorch)) {
            throw new UsageException("--libtorch: no such directory: " + libtorch);
        }
        try {
            TorchInstallation torch = libtorch != null ? TorchInstallation.fromLibtorch(libtorch)
                    : TorchInstallation.fromPython(python != null ? python : pythonOnPath());
            System.err.println("torch-setup: " + torch);
            LibTorchSetup setup = TorchSetup.run(torch, new TorchSetup.Options(
                    jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), compiler, jniInclude, force,
                    allowNoGpu), home);
            System.out.println("libtorch: " + setup.describe() + " is set up; east commands now load it from "
                    + setup.libDir() + " (check with 'east torch-setup --status')");
            return ExitCodes.OK;
        } catch (SetupException e) {
            System.err.println("east torch-setup: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static Path pythonOnPath() {
        return Toolchain.onPath("python3").orElseThrow(() -> new UsageException(
                "no python3 on the PATH: pass --python PY or --libtorch DIR"));
    }
}
