package io.east.producers.versions;

import io.east.model.Checkpoints;
import io.east.schemas.ModelVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one directory that announced checkpoints may be loaded from.
 *
 * <p>A pointer on east.model-versions is data: whoever can write that topic chooses it. Loading a checkpoint reads
 * files and hands their bytes to native code, so a pointer is only followed when the checkpoint directory, and
 * every file the loader will read from it, resolves (symbolic links followed) to a path inside the real path of
 * this root. Anything else is refused with a reason. The root itself is trusted: whoever can write into it can
 * already replace any checkpoint.
 */
public final class CheckpointRoot {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRoot.class);

    private final Path realPath;

    private CheckpointRoot(Path realPath) {
        this.realPath = realPath;
    }

    /** @throws IllegalArgumentException when {@code dir} is not an existing, readable directory */
    public static CheckpointRoot of(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint root " + dir + " does not exist or cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException("checkpoint root " + dir + " is not a directory");
        }
        return new CheckpointRoot(real);
    }

    /**
     * The root at {@code dir}, created first (with its parents) when missing: a generator or evaluator may start
     * before the trainer has written its first checkpoint.
     *
     * @throws IllegalArgumentException when {@code dir} cannot be created or is not a readable directory
     */
    public static CheckpointRoot createIfMissing(Path dir) {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalArgumentException("checkpoint root " + dir + " does not exist and cannot be created ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            LOG.atInfo().addKeyValue("checkpoint_root", dir).log("created the checkpoint root; waiting for checkpoints");
        }
        return of(dir);
    }

    public Path realPath() {
        return realPath;
    }

    /**
     * The real path of the checkpoint directory a {@code file:} URI names, when it and the files the loader reads
     * lie inside this root.
     *
     * @throws RefusedPointerException otherwise, saying why
     */
    public Path admit(String checkpointUri) throws RefusedPointerException {
        Path named = toPath(checkpointUri).normalize();
        Path real;
        try {
            real = named.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedPointerException(checkpointUri, "no such directory " + named);
        } catch (IOException e) {
            throw new RefusedPointerException(checkpointUri, "cannot resolve " + named + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!inside(real)) {
            throw new RefusedPointerException(checkpointUri, (real.equals(named) ? "" : "it resolves to " + real + ", ")
                    + "outside the checkpoint root " + realPath);
        }
        if (!Files.isDirectory(real)) {
            throw new RefusedPointerException(checkpointUri, real + " is not a directory");
        }
        for (String file : filesTheLoaderReads(checkpointUri, real)) {
            requireInside(checkpointUri, real, file);
        }
        return real;
    }

    /** {@link #admitAnnounced(ModelVersion, OptionalLong, Logger, String)} for a follower that keeps a version. */
    public Optional<Path> admitAnnounced(ModelVersion announced, long keptVersion, Logger log, String instead) {
        return admitAnnounced(announced, OptionalLong.of(keptVersion), log, instead);
    }

    /**
     * {@link #admit} for an announced model version, where a refusal is no error: it is one WARN on the follower's
     * {@code log} saying what happens instead ({@code instead}), with the version in use that stays, if any.
     *
     * @return the checkpoint directory, or empty when the pointer was refused
     */
    public Optional<Path> admitAnnounced(ModelVersion announced, OptionalLong keptVersion, Logger log,
            String instead) {
        String pointer = announced.getCheckpointUri();
        try {
            return Optional.of(admit(pointer));
        } catch (RefusedPointerException e) {
            LoggingEventBuilder warning = log.atWarn().addKeyValue("version", announced.getVersion())
                    .addKeyValue("checkpoint_uri", pointer).addKeyValue("reason", e.reason());
            if (keptVersion.isPresent()) {
                warning = warning.addKeyValue("kept_version", keptVersion.getAsLong());
            }
            warning.log("model version refused: its checkpoint is not under the checkpoint root; " + instead);
            return Optional.empty();
        }
    }

    private boolean inside(Path real) {
        return real.startsWith(realPath) && !real.equals(realPath);
    }

    private static Path toPath(String checkpointUri) throws RefusedPointerException {
        if (checkpointUri == null || checkpointUri.isBlank()) {
            throw new RefusedPointerException(String.valueOf(checkpointUri), "the checkpoint URI is empty");
        }
        URI uri;
        try {
            uri = new URI(checkpointUri);
        } catch (URISyntaxException e) {
            throw new RefusedPointerException(checkpointUri, "not a URI: " + e.getReason());
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("file")) {
            throw new RefusedPointerException(checkpointUri, "only file: URIs are loaded");
        }
        if (uri.isOpaque()) {
            throw new RefusedPointerException(checkpointUri, "a file: URI must name an absolute path (file:///...)");
        }
        if (uri.getRawAuthority() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new RefusedPointerException(checkpointUri, "a file: URI must have no host, query or fragment");
        }
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new RefusedPointerException(checkpointUri, "not a local path: " + e.getMessage());
        }
    }

    /** {@link Checkpoints#filesRead}, each named relative to {@code dir} as the refusals name it. */
    private static List<String> filesTheLoaderReads(String pointer, Path dir) throws RefusedPointerException {
        List<Path> files;
        try {
            files = Checkpoints.filesRead(dir);
        } catch (IOException e) {
            throw new RefusedPointerException(pointer, "unreadable " + Checkpoints.WEIGHTS_INDEX + ": " + e.getMessage());
        }
        return files.stream().map(file -> dir.relativize(file).toString()).toList();
    }

    private void requireInside(String pointer, Path dir, String file) throws RefusedPointerException {
        Path named = dir.resolve(file).normalize();
        Path real;
        try {
            real = named.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedPointerException(pointer, "not a checkpoint: " + file + " is missing");
        } catch (IOException e) {
            throw new RefusedPointerException(pointer, "cannot resolve " + named + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!inside(real)) {
            throw new RefusedPointerException(pointer, file + " resolves to " + real + ", outside the checkpoint root "
                    + realPath);
        }
        if (!Files.isRegularFile(real)) {
            throw new RefusedPointerException(pointer, file + " is not a regular file");
        }
    }
}
