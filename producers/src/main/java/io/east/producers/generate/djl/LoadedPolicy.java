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
public final class LoadedPolicy implements AutoCloseable {

    private final long version;
    private final Path directory;
    private final LlamaModel model;
    private final TextTokenizer tokenizer;

    private LoadedPolicy(long version, Path directory, LlamaModel model, TextTokenizer tokenizer) {
        this.version = version;
        this.directory = directory;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * Reads config.json, the weights (held and computed in {@code precision}) and tokenizer.json of {@code directory};
     * the caller vouches for the path.
     */
    public static LoadedPolicy load(Path directory, long version, Precision precision) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
        NativeMemory.reuseFreedMemory();   // sampling allocates and frees tensors of a few MB per token
        LlamaModel model = Checkpoints.loadModel(directory, precision, precision);
        try {
            return new LoadedPolicy(version, directory, model, TextTokenizer.load(directory));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public long version() {
        return version;
    }

    public Path directory() {
        return directory;
    }

    public LlamaModel model() {
        return model;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
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
