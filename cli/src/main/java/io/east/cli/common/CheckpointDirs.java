package io.east.cli.common;

import io.east.producers.versions.CheckpointVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a checkpoint named on the command line before a model is loaded, so a typo is a usage error. */
public final class CheckpointDirs {

    private CheckpointDirs() {
    }

    /** {@code dir}, when it is a checkpoint directory (a Hugging Face config.json in it). */
    public static Path checked(Path dir, String option) {
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new UsageException(option + ": not a checkpoint directory (no config.json): " + dir);
        }
        return dir;
    }

    /** The model version the checkpoint records in east-state.json, 0 without one. */
    public static long version(Path dir, String option) {
        try {
            return CheckpointVersion.of(dir);
        } catch (IOException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
