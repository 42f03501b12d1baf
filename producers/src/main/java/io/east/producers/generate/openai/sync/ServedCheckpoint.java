package io.east.producers.generate.openai.sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint a server is asked to load.
 *
 * @param version the model version its samples carry once loaded
 * @param localPath its real path on this machine, admitted under the checkpoint root
 * @param servedPath the path the server is given: {@code localPath} as {@link ServedPathMap} translates it
 */
public record ServedCheckpoint(long version, Path localPath, String servedPath) {

    public ServedCheckpoint {
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
        Objects.requireNonNull(localPath, "localPath");
        if (servedPath == null || servedPath.isBlank()) {
            throw new IllegalArgumentException("the served path must not be empty");
        }
    }
}
