package io.east.model.torch;

import io.east.model.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles DJL's JNI and this project's fused kernels against one PyTorch, with g++ and no build system: each
 * translation unit on its own (several at once), then one shared library each. DJL's JNI needs only libtorch's
 * headers; CUDA comes in at run time through libtorch_cuda, so no CUDA toolkit is needed.
 */
public final class NativeBuild {

    /** DJL looks for its JNI as {@code <engine cache>/pytorch/<version>-<flavor>-<classifier>/<api>-libdjl_torch.so}. */
    public static final String DJL_API_VERSION = "0.36.0";
    public static final String CLASSIFIER = "linux-x86_64";
    public static final String OPS_LIBRARY = "libeast_torch_ops.so";

    private static final Logger LOG = LoggerFactory.getLogger(NativeBuild.class);
    private static final int ERROR_LINES = 12;
    /** One compiler or linker run; the largest of DJL's units takes minutes on a slow core, never half an hour. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(30);

    private final TorchInstallation torch;
    private final Toolchain toolchain;
    private final int jobs;
    private final Path log;

    /** @param log where the compiler's output goes (replaced) */
    public NativeBuild(TorchInstallation torch, Toolchain toolchain, int jobs, Path log) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        this.torch = torch;
        this.toolchain = toolchain;
        this.jobs = jobs;
        this.log = log;
    }

    /** Where DJL finds the JNI under an engine cache folder. */
    public static Path djlJniPath(Path engineCacheDir, TorchInstallation torch) {
        return engineCacheDir.resolve("pytorch").resolve(torch.version() + "-" + torch.flavor() + "-" + CLASSIFIER)
                .resolve(DJL_API_VERSION + "-libdjl_torch.so");
    }

    /**
     * Builds into {@code out} the fused kernels' {@value #OPS_LIBRARY} and, unless {@code reuseJni} names one built
     * from the same sources, DJL's JNI at {@link #djlJniPath}; the object files go to {@code out/obj}.
     */
    public void build(NativeSources sources, Path out, Path reuseJni) throws IOException {
        checkHeaders();
        Path objects = Files.createDirectories(out.resolve("obj"));
        Files.deleteIfExists(log);
        Path jni = djlJniPath(out, torch);
        Files.createDirectories(jni.getParent());
        List<Path> units = new ArrayList<>();
        if (reuseJni == null) {
            units.addAll(sources.djlUnits());
        } else {
            Files.copy(reuseJni, jni);
            LOG.atInfo().addKeyValue("jni", reuseJni).log("DJL's JNI is unchanged: reusing it");
        }
        units.add(sources.opsSource());
        long start = System.nanoTime();
        LOG.atInfo().addKeyValue("units", units.size()).addKeyValue("jobs", jobs).addKeyValue("torch", torch.describe())
                .log(reuseJni == null ? "compiling DJL's JNI and the fused kernels (a few minutes on few cores)"
                    : "compiling the fused kernels");
        compileAll(sources, units, objects);
        if (reuseJni == null) {
            List<Path> djlObjects = new ArrayList<>();
            for (Path unit : sources.djlUnits()) {
                djlObjects.add(objectOf(objects, unit));
            }
            link(djlObjects, jni);
        }
        link(List.of(objectOf(objects, sources.opsSource())), out.resolve(OPS_LIBRARY));
        LOG.atInfo().addKeyValue("seconds", (System.nanoTime() - start) / 1_000_000_000L).log("native libraries built");
    }

    private void checkHeaders() {
        Path script = torch.includeDir().resolve("torch/script.h");
        if (!Files.isRegularFile(script)) {
            throw new SetupException(torch.describe() + " at " + torch.root() + " has no C++ headers (" + script
                    + " is missing). Use a pip wheel or a libtorch download, which ship include/");
        }
    }

    private void compileAll(NativeSources sources, List<Path> units, Path objects) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, units.size()), r -> {
            Thread t = new Thread(r, "east-torch-setup-cxx");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        List<Future<Void>> futures = new ArrayList<>();
        try {
            for (Path unit : units) {
                futures.add(pool.submit(() -> {
                    compile(sources, unit, objectOf(objects, unit));
                    LOG.atInfo().addKeyValue("done", done.incrementAndGet()).addKeyValue("of", units.size())
                            .addKeyValue("unit", unit.getFileName()).log("compiled");
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void compile(NativeSources sources, Path unit, Path object) throws IOException {
        Path djl = sources.djlDir();
        List<String> command = new ArrayList<>(List.of(toolchain.compiler().toString(), "-c", "-O2", "-fPIC",
                "-std=gnu++17", "-DNDEBUG", "-w", "-D_GLIBCXX_USE_CXX11_ABI=" + (torch.cxx11Abi() ? 1 : 0),
                "-DEAST_TORCH_MAJOR=" + torch.major(), "-DEAST_TORCH_MINOR=" + torch.minor(),
                "-I" + djl.resolve("include"), "-I" + djl.resolve("native"),
                "-I" + toolchain.jniInclude(), "-I" + toolchain.jniInclude().resolve("linux"),
                "-isystem", torch.includeDir().toString(),
                "-isystem", torch.includeDir().resolve("torch/csrc/api/include").toString(),
                unit.toString(), "-o", object.toString()));
        run(command, "compiling " + unit.getFileName());
    }

    private void link(List<Path> objects, Path library) throws IOException {
        List<String> command = new ArrayList<>(List.of(toolchain.compiler().toString(), "-shared", "-o",
                library.toString()));
        objects.forEach(o -> command.add(o.toString()));
        command.add("-L" + torch.libDir());
        command.add("-Wl,--no-as-needed");
        for (String lib : List.of("torch", "torch_cpu", "c10", "torch_cuda", "c10_cuda")) {
            if (Files.exists(torch.libDir().resolve("lib" + lib + ".so"))) {
                command.add("-l" + lib);
            }
        }
        command.add("-Wl,-rpath," + torch.libDir());
        run(command, "linking " + library.getFileName());
    }

    private void run(List<String> command, String what) throws IOException {
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(command, STEP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        }
        String output = result.output();
        synchronized (this) {
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + output, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (result.timedOut()) {
            throw new SetupException(what + " against " + torch.describe() + " did not finish within "
                    + STEP_TIMEOUT.toMinutes() + " minutes; killed it. Its output so far is in " + log);
        }
        int exit = result.exitCode();
        if (exit != 0) {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).limit(ERROR_LINES).toList();
            throw new SetupException(what + " against " + torch.describe() + " failed (exit " + exit + "):\n  "
                    + String.join("\n  ", lines) + "\nthe full compiler output is in " + log);
        }
    }

    private static Path objectOf(Path objects, Path unit) {
        return objects.resolve(unit.getFileName() + ".o");
    }
}
