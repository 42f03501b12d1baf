package io.east.cli.torch;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.torch.LibTorchSetup;
import io.east.model.torch.SetupException;
import io.east.model.torch.TorchInstallation;
import io.east.model.torch.TorchSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds DJL's JNI against an installed PyTorch so that every east command trains and samples on it. */
@Command(name = "torch-setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Use an installed PyTorch (a pip install, or a libtorch folder) instead of the bundled CPU libtorch "
                    + "2.7.1: needed for GPUs, bf16 and the fused kernels.",
            "Finds the PyTorch, compiles DJL 0.36's JNI and this project's fused kernels against it once with g++ "
                    + "(a few minutes; no CUDA toolkit needed), checks the result in a fresh JVM, and records it "
                    + "under $EAST_HOME/torch (default ~/.east/torch). From then on train, generate, eval, sample, "
                    + "ablate, demo and the benches load that libtorch. Builds are kept per PyTorch version, flavour "
                    + "and C++ ABI; running it again reuses them.",
            "EAST_TORCH=bundled ignores the setup for one command; --off forgets it."})
public final class TorchSetupCommand implements Callable<Integer> {

    @Option(names = "--python", paramLabel = "PY",
            description = "A Python whose torch to use (default: python3 on the PATH, when --libtorch is not given).")
    private Path python;

    @Option(names = "--libtorch", paramLabel = "DIR",
            description = "An unpacked libtorch download (lib/, include/, build-version) instead of a Python.")
    private Path libtorch;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Compilers run at once (default: the number of cores).")
    private Integer jobs;

    @Option(names = "--cxx", paramLabel = "PATH", description = "The C++ compiler (default: $CXX, else g++).")
    private String compiler;

    @Option(names = "--jni-include", paramLabel = "DIR",
            description = "The folder of jni.h (default: found under $JAVA_HOME, this Java or /usr/lib/jvm).")
    private Path jniInclude;

    @Option(names = "--force", description = "Compile again even when a build for this PyTorch exists.")
    private boolean force;

    @Option(names = "--allow-no-gpu", description = "Set up a CUDA build of PyTorch on a machine with no GPU.")
    private boolean allowNoGpu;

    @Option(names = "--status", description = "Print the libtorch east commands use now, and exit.")
    private boolean status;

    @Option(names = "--off", description = "Go back to the bundled CPU libtorch, and exit.")
    private boolean off;

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
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new UsageException("no python3 on the PATH: pass --python PY or --libtorch DIR");
    }
}
