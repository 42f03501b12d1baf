package io.east.producers.generate.djl;

import io.east.model.Checkpoints;
import io.east.model.LlamaModel;
import io.east.model.NativeMemory;
import io.east.model.Precision;
import io.east.model.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint in memory: weights on the engine's default device, its tokenizer and the version samples made with it
 * carry. Closing it frees the native memory of the weights.
 */
public record LoadedPolicy(long version, Path directory, LlamaModel model, TextTokenizer tokenizer)
        implements AutoCloseable {

    public LoadedPolicy {
        requireValid(directory, version);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /**
     * Reads config.json, the weights (held and computed in {@code precision}) and tokenizer.json of {@code directory};
     * the caller vouches for the path.
     */
    public static LoadedPolicy load(Path directory, long version, Precision precision) throws IOException {
        requireValid(directory, version);
        NativeMemory.reuseFreedMemory();   // sampling allocates and frees tensors of a few MB per token
        LlamaModel model = Checkpoints.loadModel(directory, precision, precision);
        try {
            return new LoadedPolicy(version, directory, model, TextTokenizer.load(directory));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Checked before loading too, so that bad arguments fail before the weights are read. */
    private static void requireValid(Path directory, long version) {
        Objects.requireNonNull(directory, "directory");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
        } finally {
            model.close();
        }
    }
}
