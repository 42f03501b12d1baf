package io.east.serve;

import io.east.model.Precision;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.CheckpointVersion;
import io.east.producers.versions.RefusedPointerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Loads the checkpoints the server serves: the one it starts with (the operator's choice, trusted wherever it lies)
 * and those reload requests name, which must be local Hugging Face Llama directories and, when a reload root is set,
 * lie under it with every file the loader reads (as {@link CheckpointRoot} checks for the generator).
 */
final class CheckpointLoader {

    /** A reload that cannot be served, with a reason fit for the client. */
    static final class LoadFailure extends Exception {
        LoadFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final Precision precision;
    private final CheckpointRoot root;

    /** @param root null to load any directory a reload names */
    CheckpointLoader(Precision precision, CheckpointRoot root) {
        this.precision = precision;
        this.root = root;
    }

    ServedPolicy loadInitial(Path directory) throws IOException {
        return ServedPolicy.of(LoadedPolicy.load(directory, CheckpointVersion.of(directory), precision),
                directory.toString(), null);
    }

    /**
     * @param modelPath a local directory, as the request named it (relative paths are against the working directory)
     * @param weightVersion the label to report, or null for the checkpoint's version
     */
    ServedPolicy loadRequested(String modelPath, String weightVersion) throws LoadFailure {
        Path directory = admit(modelPath);
        try {
            return ServedPolicy.of(LoadedPolicy.load(directory, CheckpointVersion.of(directory), precision),
                    modelPath, weightVersion);
        } catch (IOException | RuntimeException e) {
            throw new LoadFailure("Failed to load model weights from " + modelPath + ": " + e.getMessage(), e);
        }
    }

    private Path admit(String modelPath) throws LoadFailure {
        Path named;
        try {
            named = Path.of(modelPath).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new LoadFailure("model_path is not a local path: " + e.getMessage(), e);
        }
        if (root != null) {
            try {
                return root.admit(named.toUri().toString());
            } catch (RefusedPointerException e) {
                throw new LoadFailure("Refused to load " + modelPath + ": " + e.reason(), e);
            }
        }
        if (!Files.isDirectory(named)) {
            throw new LoadFailure("Failed to load model weights from " + modelPath
                    + ": not a directory (a local Hugging Face Llama checkpoint is needed)", null);
        }
        return named;
    }
}
