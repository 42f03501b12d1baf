package io.east.model.torch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libtorch that torch-setup built DJL's JNI for, and how every east command switches DJL to it: system
 * properties that DJL reads as it would the environment variables of the same names, set before the engine loads.
 * With no setup recorded, DJL's bundled CPU libtorch is used, as before.
 *
 * @param version the PyTorch release, e.g. 2.11.0
 * @param flavor {@code cpu} or {@code cuNNN}
 * @param libDir the folder of libtorch.so
 * @param runtimeLibraryDirs further folders of shared libraries (the CUDA runtime pip installed)
 * @param skippedLibraries libraries in libDir that DJL must not load
 * @param buildDir the engine cache folder holding the JNI, and the fused kernels' library
 * @param origin how the PyTorch was found, for messages
 * @param sources the fingerprint of the sources built
 */
public record LibTorchSetup(String version, String flavor, Path libDir, List<Path> runtimeLibraryDirs,
        List<String> skippedLibraries, Path buildDir, String origin, String sources) {

    /** Set to {@code bundled} to ignore the recorded setup for one command. */
    public static final String SWITCH = "EAST_TORCH";
    /** The system property that names the fused kernels' library for {@link NativeOps}. */
    public static final String OPS_PROPERTY = "east.torch.ops";
    static final String ACTIVE = "active.properties";
    static final String FILE = "setup.properties";

    private static final Logger LOG = LoggerFactory.getLogger(LibTorchSetup.class);

    public LibTorchSetup {
        runtimeLibraryDirs = List.copyOf(runtimeLibraryDirs);
        skippedLibraries = List.copyOf(skippedLibraries);
    }

    public boolean cuda() {
        return flavor.startsWith("cu");
    }

    public Path opsLibrary() {
        return buildDir.resolve(NativeBuild.OPS_LIBRARY);
    }

    public String describe() {
        return "PyTorch " + version + " (" + flavor + ")";
    }

    /** Where torch-setup keeps its builds: $EAST_HOME/torch, else ~/.east/torch. */
    public static Path home() {
        String configured = Optional.ofNullable(System.getProperty("east.home")).orElse(System.getenv("EAST_HOME"));
        Path base = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".east");
        return base.resolve("torch");
    }

    /** The setup every command uses, if one is recorded under {@code home}. */
    public static Optional<LibTorchSetup> active(Path home) throws IOException {
        Path file = home.resolve(ACTIVE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Makes this setup the one every command uses. */
    public void makeActive(Path home) throws IOException {
        Files.createDirectories(home);
        Path temp = Files.createTempFile(home, ".active", ".tmp");
        write(temp);
        Files.move(temp, home.resolve(ACTIVE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Back to the bundled CPU libtorch; true when a setup was active. */
    public static boolean deactivate(Path home) throws IOException {
        return Files.deleteIfExists(home.resolve(ACTIVE));
    }

    /**
     * Called first by every east command: tokenizers never try to download a CUDA build of themselves, and DJL loads
     * the recorded libtorch, unless {@value #SWITCH}=bundled or the user points DJL elsewhere (PYTORCH_LIBRARY_PATH).
     * A recorded setup whose files are gone is reported and ignored.
     */
    public static void activateRecorded() {
        setIfAbsent("RUST_FLAVOR", "cpu");
        if ("bundled".equalsIgnoreCase(setting(SWITCH)) || setting("PYTORCH_LIBRARY_PATH") != null) {
            return;
        }
        try {
            Optional<LibTorchSetup> setup = active(home());
            if (setup.isEmpty()) {
                return;
            }
            Optional<String> missing = setup.get().missingFile();
            if (missing.isPresent()) {
                LOG.warn("the libtorch set up by 'east torch-setup' is incomplete ({} is gone): using the bundled CPU "
                        + "libtorch; run 'east torch-setup' again", missing.get());
                return;
            }
            setup.get().activate();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the torch-setup record under {}: {}; using the bundled CPU libtorch", home(),
                    e.toString());
        }
    }

    /**
     * The libtorch DJL loaded in this JVM, for logs and messages: "PyTorch 2.11.0 (cu130, torch-setup)" or "PyTorch
     * 2.7.1 (cpu, bundled)". Loads the engine.
     */
    public static String describeLoaded() {
        String version = ai.djl.engine.Engine.getEngine("PyTorch").getVersion();
        String flavor = System.getProperty("PYTORCH_FLAVOR");
        return NativeOps.available() ? "PyTorch " + version + " (" + flavor + ", torch-setup)"
                : "PyTorch " + version + " (cpu, bundled)";
    }

    /** Points DJL (and {@link NativeOps}) at this setup; must run before DJL's engine loads. */
    public void activate() {
        System.setProperty("PYTORCH_LIBRARY_PATH", libDir.toString());
        System.setProperty("PYTORCH_VERSION", version);
        System.setProperty("PYTORCH_FLAVOR", flavor);
        System.setProperty("ENGINE_CACHE_DIR", buildDir.toString());
        System.setProperty("PYTORCH_LIBRARY_EXCLUSION", String.join(",", skippedLibraries));
        System.setProperty(OPS_PROPERTY, opsLibrary().toString());
        if (!runtimeLibraryDirs.isEmpty()) {
            // DJL finds GPUs through the CUDA runtime, which pip installs outside the linker's search path.
            List<String> paths = new ArrayList<>();
            Optional.ofNullable(System.getProperty("jna.library.path")).ifPresent(paths::add);
            runtimeLibraryDirs.forEach(d -> paths.add(d.toString()));
            System.setProperty("jna.library.path", String.join(java.io.File.pathSeparator, paths));
        }
        LOG.debug("using {} from {} (built in {})", describe(), libDir, buildDir);
    }

    /** The first file this setup needs that does not exist, if any. */
    Optional<String> missingFile() {
        for (Path p : List.of(libDir.resolve("libtorch.so"), opsLibrary())) {
            if (!Files.isRegularFile(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("flavor", flavor);
        p.setProperty("lib_dir", libDir.toString());
        p.setProperty("runtime_dirs", String.join(java.io.File.pathSeparator,
                runtimeLibraryDirs.stream().map(Path::toString).toList()));
        p.setProperty("skip", String.join(",", skippedLibraries));
        p.setProperty("build_dir", buildDir.toString());
        p.setProperty("origin", origin);
        p.setProperty("sources", sources);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "written by east torch-setup");
        }
    }

    static LibTorchSetup read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        List<Path> runtime = new ArrayList<>();
        String dirs = p.getProperty("runtime_dirs", "");
        if (!dirs.isBlank()) {
            Arrays.stream(dirs.split(java.io.File.pathSeparator)).map(Path::of).forEach(runtime::add);
        }
        String skip = p.getProperty("skip", "");
        return new LibTorchSetup(required(p, "version", file), required(p, "flavor", file),
                Path.of(required(p, "lib_dir", file)), runtime,
                skip.isBlank() ? List.of() : Arrays.asList(skip.split(",")), Path.of(required(p, "build_dir", file)),
                p.getProperty("origin", ""), p.getProperty("sources", ""));
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(file + ": no " + key);
        }
        return value;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    private static void setIfAbsent(String name, String value) {
        if (setting(name) == null) {
            System.setProperty(name, value);
        }
    }
}
