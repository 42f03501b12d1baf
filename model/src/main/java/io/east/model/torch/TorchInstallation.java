package io.east.model.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.model.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An installed PyTorch to build DJL's JNI against and to run on: a pip install found through its Python, or an
 * unpacked libtorch folder.
 *
 * @param version the release, e.g. {@code 2.11.0} (no local suffix)
 * @param cudaVersion the CUDA it was built for, e.g. {@code 13.0}; null for a CPU build
 * @param cxx11Abi whether it was built with the C++11 string ABI ({@code _GLIBCXX_USE_CXX11_ABI=1})
 * @param root the folder holding {@code lib/} and {@code include/}
 * @param runtimeLibraryDirs further folders of its shared libraries (pip's nvidia-* packages: the CUDA runtime)
 * @param origin how it was found, for messages
 */
public record TorchInstallation(String version, String cudaVersion, boolean cxx11Abi, Path root,
        List<Path> runtimeLibraryDirs, String origin) {

    /** Older releases lack the fused kernels and the scaled dot-product attention with grouped heads used here. */
    public static final int MIN_MAJOR = 2;
    public static final int MIN_MINOR = 5;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[+.-].*)?");
    private static final Pattern CUDA_SUFFIX = Pattern.compile("\\+cu(\\d+)(\\d)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Importing torch takes seconds, longer on a cold disk; minutes means the interpreter hangs. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(120);

    /** Printed by the interpreter: what torch says of itself, and where pip put the CUDA runtime. */
    private static final String PROBE = String.join("\n",
            "import glob, json, os, torch",
            "d = os.path.dirname(torch.__file__)",
            "site = os.path.dirname(d)",
            "rt = sorted({os.path.dirname(p) for p in glob.glob(os.path.join(site, 'nvidia', '**', 'libcudart.so*'),"
                    + " recursive=True)})",
            "print(json.dumps({'version': torch.__version__, 'cuda': torch.version.cuda,"
                    + " 'cxx11_abi': bool(torch._C._GLIBCXX_USE_CXX11_ABI), 'root': d, 'runtime_dirs': rt}))");

    public TorchInstallation {
        runtimeLibraryDirs = List.copyOf(runtimeLibraryDirs);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a PyTorch version: " + version);
        }
    }

    public boolean cuda() {
        return cudaVersion != null;
    }

    /** DJL's flavour name: {@code cu130} or {@code cpu}. */
    public String flavor() {
        return cuda() ? "cu" + cudaVersion.replace(".", "") : "cpu";
    }

    public Path libDir() {
        return root.resolve("lib");
    }

    public Path includeDir() {
        return root.resolve("include");
    }

    public int major() {
        return part(1);
    }

    public int minor() {
        return part(2);
    }

    private int part(int group) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalStateException(version);
        }
        return Integer.parseInt(m.group(group));
    }

    /** "PyTorch 2.11.0 (cu130)", for messages. */
    public String describe() {
        return "PyTorch " + version + " (" + flavor() + ")";
    }

    /**
     * Asks {@code python} where its torch is. Fails with the interpreter's own words when torch does not import.
     */
    public static TorchInstallation fromPython(Path python) throws IOException {
        if (!Files.isExecutable(python)) {
            throw new SetupException("--python: not an executable file: " + python);
        }
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(List.of(python.toString(), "-c", PROBE), PROBE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + python + " about torch", e);
        }
        String output = result.output().trim();
        if (!result.succeeded()) {
            String last = output.lines().reduce((a, b) -> b).orElse("");
            if (result.timedOut()) {
                last = "no answer within " + PROBE_TIMEOUT.toSeconds() + " s; killed it";
            }
            throw new SetupException(python + " cannot import torch (" + last + "); install PyTorch for it "
                    + "(pip install torch) or pass --libtorch DIR");
        }
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new SetupException(python + " printed no torch description: " + output));
        JsonNode node = JSON.readTree(json);
        String full = node.get("version").asText();
        Matcher m = VERSION.matcher(full);
        if (!m.matches()) {
            throw new SetupException(python + ": torch reports an unreadable version '" + full + "'");
        }
        String cuda = node.get("cuda").isNull() ? null : node.get("cuda").asText();
        List<Path> runtime = new ArrayList<>();
        node.get("runtime_dirs").forEach(d -> runtime.add(Path.of(d.asText())));
        return new TorchInstallation(m.group(1) + "." + m.group(2) + "." + m.group(3), cuda,
                node.get("cxx11_abi").asBoolean(), Path.of(node.get("root").asText()), runtime,
                "torch " + full + " of " + python);
    }

    /**
     * An unpacked libtorch distribution (lib/, include/, build-version). Its C++ ABI is read off libc10's symbols:
     * the C++11 ABI names std::string {@code std::__cxx11::basic_string}.
     */
    public static TorchInstallation fromLibtorch(Path dir) throws IOException {
        Path versionFile = dir.resolve("build-version");
        if (!Files.isRegularFile(versionFile)) {
            throw new SetupException("--libtorch " + dir + " is not a libtorch folder: no build-version file");
        }
        String full = Files.readString(versionFile).trim();
        Matcher m = VERSION.matcher(full);
        if (!m.matches()) {
            throw new SetupException(versionFile + ": not a PyTorch version: '" + full + "'");
        }
        Matcher cu = CUDA_SUFFIX.matcher(full);
        String cuda = cu.find() ? Integer.parseInt(cu.group(1)) + "." + cu.group(2) : null;
        Path c10 = dir.resolve("lib").resolve("libc10.so");
        if (!Files.isRegularFile(c10)) {
            throw new SetupException("--libtorch " + dir + " has no lib/libc10.so");
        }
        return new TorchInstallation(m.group(1) + "." + m.group(2) + "." + m.group(3), cuda, usesCxx11Abi(c10),
                dir.toAbsolutePath(), List.of(), "libtorch " + full + " at " + dir);
    }

    static boolean usesCxx11Abi(Path library) throws IOException {
        byte[] needle = "__cxx11".getBytes(StandardCharsets.US_ASCII);
        byte[] data = Files.readAllBytes(library);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The shared libraries of this install that DJL must not load: it loads every library in the folder, and these
     * need a Python interpreter or are test fixtures.
     */
    public List<String> librariesToSkip() throws IOException {
        Pattern skip = Pattern.compile("libtorch_python\\.so|libshm.*\\.so.*|.*_test\\.so|libaoti_custom_ops\\.so"
                + "|libbackend_with_compiler\\.so|libnnapi_backend\\.so");
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(libDir())) {
            try (Stream<Path> files = Files.list(libDir())) {
                files.map(p -> p.getFileName().toString()).filter(n -> skip.matcher(n).matches()).sorted()
                        .forEach(names::add);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %s C++ ABI, at %s", describe(), cxx11Abi ? "C++11" : "pre-C++11",
                root);
    }
}
