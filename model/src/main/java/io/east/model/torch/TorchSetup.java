package io.east.model.torch;

import io.east.model.ChildProcess;
import io.east.model.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * torch-setup: builds DJL's JNI (and the fused kernels) against an installed PyTorch once, checks the result in a
 * fresh JVM, and records it so every east command loads that libtorch. Builds are kept per PyTorch version, flavour,
 * C++ ABI and install folder under {@link LibTorchSetup#home()}, and reused while the sources are unchanged.
 */
public final class TorchSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TorchSetup.class);
    /** The compiler output of the latest build, beside the builds. */
    static final String LAST_LOG = "last-build.log";
    /** Loading libtorch and running a few operations takes seconds; longer means it hangs. */
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param allowNoGpu set up a CUDA build even where no GPU is visible (it then runs on the CPU)
     */
    public record Options(int jobs, String compiler, Path jniInclude, boolean force, boolean allowNoGpu) {}

    private TorchSetup() {}

    /** Builds (or reuses) the libraries for {@code torch}, checks them, and makes them the active setup. */
    public static LibTorchSetup run(TorchInstallation torch, Options options, Path home) throws IOException {
        if (torch.major() < TorchInstallation.MIN_MAJOR
                || torch.major() == TorchInstallation.MIN_MAJOR && torch.minor() < TorchInstallation.MIN_MINOR) {
            throw new SetupException(torch.describe() + " is too old: torch-setup needs PyTorch "
                    + TorchInstallation.MIN_MAJOR + "." + TorchInstallation.MIN_MINOR + " or newer");
        }
        if (torch.cuda() && !options.allowNoGpu() && !NvidiaGpus.visible()) {
            throw new SetupException(torch.describe() + " is a CUDA build, but this machine shows no NVIDIA GPU (no "
                    + "/dev/nvidia0). Run torch-setup on the GPU machine, install the CPU build of PyTorch, or pass "
                    + "--allow-no-gpu to set it up for the CPU anyway");
        }
        Path tmp = Files.createDirectories(home).resolve(".sources-" + ProcessHandle.current().pid());
        try {
            NativeSources sources = NativeSources.extract(tmp);
            Path dir = home.resolve(key(torch));
            Optional<LibTorchSetup> cached = cached(dir, sources);
            LibTorchSetup setup;
            if (cached.isPresent() && !options.force()) {
                LOG.atInfo().addKeyValue("dir", dir).log("reusing the build for " + torch.describe());
                setup = cached.get();
            } else {
                Toolchain toolchain = Toolchain.find(options.compiler(), options.jniInclude());
                setup = build(torch, sources, toolchain, options.jobs(), options.force(), dir);
            }
            check(setup);
            setup.makeActive(home);
            return setup;
        } finally {
            FileTrees.deleteRecursively(tmp);
        }
    }

    /** The folder name of a build: what the JNI depends on. */
    static String key(TorchInstallation torch) {
        return torch.version() + "-" + torch.flavor() + (torch.cxx11Abi() ? "" : "-precxx11") + "-"
                + digest(torch.root().toAbsolutePath().normalize().toString()).substring(0, 8);
    }

    private static Optional<LibTorchSetup> cached(Path dir, NativeSources sources) throws IOException {
        return recorded(dir).filter(s -> s.sources().equals(sources.fingerprint()) && s.missingFile().isEmpty());
    }

    private static Optional<LibTorchSetup> recorded(Path dir) throws IOException {
        Path file = dir.resolve(LibTorchSetup.FILE);
        return Files.isRegularFile(file) ? Optional.of(LibTorchSetup.read(file)) : Optional.empty();
    }

    private static LibTorchSetup build(TorchInstallation torch, NativeSources sources, Toolchain toolchain, int jobs,
            boolean force, Path dir) throws IOException {
        Path staging = dir.resolveSibling("." + dir.getFileName() + ".building-" + ProcessHandle.current().pid());
        FileTrees.deleteRecursively(staging);
        Files.createDirectories(staging);
        try {
            // Only the fused kernels changed (a newer east): DJL's JNI, the long part, is kept.
            Path oldJni = NativeBuild.djlJniPath(dir, torch);
            boolean sameJni = !force && Files.isRegularFile(oldJni) && recorded(dir)
                    .map(s -> s.sources().startsWith(sources.djlFingerprint() + "-")).orElse(false);
            new NativeBuild(torch, toolchain, jobs, dir.resolveSibling(LAST_LOG))
                    .build(sources, staging, sameJni ? oldJni : null);
            List<Path> runtime = new ArrayList<>(torch.runtimeLibraryDirs());
            LibTorchSetup setup = new LibTorchSetup(torch.version(), torch.flavor(), torch.libDir(), runtime,
                    torch.librariesToSkip(), dir, torch.origin(), sources.fingerprint());
            setup.write(staging.resolve(LibTorchSetup.FILE));
            FileTrees.deleteRecursively(staging.resolve("obj"));
            FileTrees.deleteRecursively(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            return setup;
        } finally {
            FileTrees.deleteRecursively(staging);
        }
    }

    /** Loads the setup in a fresh JVM and runs {@link SetupCheck} there: a broken build never becomes active. */
    static void check(LibTorchSetup setup) throws IOException {
        Path file = setup.buildDir().resolve(LibTorchSetup.FILE);
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                SetupCheck.class.getName(), file.toString());
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(command, CHECK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the build", e);
        }
        String output = result.output();
        if (!result.succeeded()) {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            String hung = result.timedOut()
                    ? " (the check did not finish within " + CHECK_TIMEOUT.toMinutes() + " minutes; killed it)" : "";
            throw new SetupException("the libraries built for " + setup.describe() + " do not work" + hung + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        output.lines().filter(l -> l.startsWith(SetupCheck.RESULT)).forEach(l -> LOG.info("{}", l));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
