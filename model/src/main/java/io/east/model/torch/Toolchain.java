package io.east.model.torch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What compiling the JNI needs besides PyTorch: a C++ compiler and the JDK's JNI headers.
 *
 * @param compiler the g++ (or compatible) executable
 * @param jniInclude the folder holding jni.h (its {@code linux/} subfolder holds jni_md.h)
 */
public record Toolchain(Path compiler, Path jniInclude) {

    /**
     * Finds the compiler ({@code compiler} if given, else $CXX, else g++ on the PATH) and jni.h ({@code jniInclude}
     * if given, else under $JAVA_HOME, this Java, or /usr/lib/jvm).
     */
    public static Toolchain find(String compiler, Path jniInclude) throws IOException {
        String name = compiler != null ? compiler : Optional.ofNullable(System.getenv("CXX")).orElse("g++");
        Path cxx = onPath(name).orElseThrow(() -> new SetupException("no C++ compiler: '" + name + "' is not an "
                + "executable or on the PATH. torch-setup compiles DJL's JNI against your PyTorch once: install g++ "
                + "(apt-get install g++) or pass --cxx PATH"));
        return new Toolchain(cxx, jniInclude != null ? checkedJni(jniInclude) : findJni());
    }

    /**
     * The executable {@code name}: itself when it names a path, else the first on the PATH. Empty PATH entries are
     * skipped rather than read as the working directory, so a file there is never picked up by accident.
     */
    public static Optional<Path> onPath(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Path checkedJni(Path dir) {
        if (!Files.isRegularFile(dir.resolve("jni.h")) || !Files.isRegularFile(dir.resolve("linux/jni_md.h"))) {
            throw new SetupException("--jni-include " + dir + " lacks jni.h or linux/jni_md.h");
        }
        return dir;
    }

    private static Path findJni() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).ifPresent(h -> candidates.add(Path.of(h, "include")));
        Path javaHome = Path.of(System.getProperty("java.home"));
        candidates.add(javaHome.resolve("include"));
        candidates.add(javaHome.getParent() == null ? javaHome : javaHome.getParent().resolve("include"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.sorted().forEach(d -> candidates.add(d.resolve("include")));
            }
        }
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve("jni.h")) && Files.isRegularFile(dir.resolve("linux/jni_md.h"))) {
                return dir;
            }
        }
        throw new SetupException("no jni.h: torch-setup needs a JDK's headers and this Java (" + javaHome + ") "
                + "has none. Install a JDK (apt-get install openjdk-17-jdk-headless), set JAVA_HOME, or pass "
                + "--jni-include DIR");
    }
}
