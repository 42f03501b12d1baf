package io.east.producers.testing;

import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Freshly initialised checkpoints small enough to load and sample in a test (about 20k parameters). */
public final class TinyCheckpoints {

    /** 256 positions: room for the default prompt template around a short question and a short answer. */
    public static final LlamaConfig CONFIG =
            LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 256);

    private TinyCheckpoints() {
    }

    /** A random model (weights from {@code seed}) with the character tokenizer and no east-state.json. */
    public static Path write(Path dir, long seed) throws IOException {
        Checkpoints.writeFresh(dir, CONFIG, seed);
        return dir;
    }

    /** The same, with an east-state.json saying {@code version}, as the trainer writes. */
    public static Path writeVersion(Path dir, long seed, long version) throws IOException {
        write(dir, seed);
        Files.writeString(dir.resolve("east-state.json"), "{\"format\": 1, \"version\": " + version + "}\n");
        return dir;
    }
}
