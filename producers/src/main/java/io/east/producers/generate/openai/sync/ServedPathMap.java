package io.east.producers.generate.openai.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the server finds a checkpoint that this machine finds at a local path, for servers that mount the checkpoints
 * elsewhere (another container, another host's mount point). Each mapping is {@code LOCAL=REMOTE}: a path under LOCAL
 * becomes the same relative path under REMOTE. The longest matching LOCAL wins; a path under no LOCAL is given to the
 * server unchanged.
 *
 * <p>LOCAL is taken as its real path when it exists (links resolved), since admitted checkpoints are real paths too.
 * REMOTE is an absolute POSIX path without {@code .} or {@code ..} segments: the server's view, never resolved here.
 */
public final class ServedPathMap {

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    /** One {@code LOCAL=REMOTE}. */
    public record Mapping(Path local, String remote) {
        public Mapping {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }
    }

    private final List<Mapping> mappings;

    private ServedPathMap(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** No mapping: the server sees the checkpoints where this machine does. */
    public static ServedPathMap identity() {
        return new ServedPathMap(List.of());
    }

    /**
     * The mappings {@code LOCAL=REMOTE}, in any order.
     *
     * @throws IllegalArgumentException for a spec without {@code =}, an empty side, a relative or dotted REMOTE, or a
     *     LOCAL given twice
     */
    public static ServedPathMap parse(List<String> specs) {
        List<Mapping> mappings = new ArrayList<>();
        for (String spec : specs) {
            Mapping mapping = mapping(spec);
            if (mappings.stream().anyMatch(m -> m.local().equals(mapping.local()))) {
                throw new IllegalArgumentException("'" + spec + "': " + mapping.local() + " is mapped twice");
            }
            mappings.add(mapping);
        }
        // Longest first, so /data/ckpt/main wins over /data/ckpt.
        mappings.sort(Comparator.comparingInt((Mapping m) -> m.local().getNameCount()).reversed());
        return new ServedPathMap(mappings);
    }

    private static Mapping mapping(String spec) {
        int equals = spec == null ? -1 : spec.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("a path mapping is LOCAL=REMOTE, got '" + spec + "'");
        }
        String local = spec.substring(0, equals).strip();
        String remote = spec.substring(equals + 1).strip();
        if (local.isEmpty() || remote.isEmpty()) {
            throw new IllegalArgumentException("a path mapping is LOCAL=REMOTE with neither side empty, got '" + spec
                    + "'");
        }
        if (!remote.startsWith("/") || DOT_SEGMENT.matcher(remote).find() || remote.contains("//")) {
            throw new IllegalArgumentException("'" + spec + "': REMOTE must be an absolute path without . or .. or //"
                    + " segments, got '" + remote + "'");
        }
        while (remote.length() > 1 && remote.endsWith("/")) {
            remote = remote.substring(0, remote.length() - 1);
        }
        return new Mapping(localPath(spec, local), remote);
    }

    private static Path localPath(String spec, String local) {
        Path path;
        try {
            path = Path.of(local).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + spec + "': LOCAL is not a path: " + e.getMessage());
        }
        if (!Files.exists(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + spec + "': cannot resolve " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    /** The path the server is given for the checkpoint at {@code localPath} (a real, absolute path). */
    public String translate(Path localPath) {
        for (Mapping mapping : mappings) {
            if (localPath.startsWith(mapping.local())) {
                Path relative = mapping.local().relativize(localPath);
                StringBuilder served = new StringBuilder(mapping.remote());
                for (Path name : relative) {
                    if (!name.toString().isEmpty()) {
                        if (served.charAt(served.length() - 1) != '/') {
                            served.append('/');
                        }
                        served.append(name);
                    }
                }
                return served.toString();
            }
        }
        return localPath.toString();
    }

    @Override
    public String toString() {
        return mappings.isEmpty() ? "identity" : mappings.stream().map(m -> m.local() + "=" + m.remote()).toList()
                .toString();
    }
}
