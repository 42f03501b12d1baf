package io.east.producers.testing;

import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checkpoints for tests: freshly initialised ones small enough to load and sample (about 20k parameters), and
 * stand-ins that only have a checkpoint's files, for tests where only their location matters.
 */
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

    /** The files a loader reads, each holding "{}": admission and weight sync look only at where they are. */
    public static Path filesOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
            Files.writeString(dir.resolve(file), "{}");
        }
        return dir;
    }
}
