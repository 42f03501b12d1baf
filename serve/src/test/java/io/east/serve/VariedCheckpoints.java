package io.east.serve;

import io.east.model.Checkpoints;
import io.east.producers.testing.TinyCheckpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny random checkpoints whose greedy text depends on their weights. With transformers' initializer range (0.02),
 * as in {@link TinyCheckpoints}, every such model just repeats the prompt's last character, so two seeds could not be
 * told apart by their output; weights drawn with a range of 0.3 give each seed its own text.
 */
final class VariedCheckpoints {

    private static final double INITIALIZER_RANGE = 0.3;

    private VariedCheckpoints() {
    }

    static Path write(Path dir, long seed) throws IOException {
        Checkpoints.writeFresh(dir, TinyCheckpoints.CONFIG.withInitializerRange(INITIALIZER_RANGE), seed);
        return dir;
    }

    /** The same, with an east-state.json saying {@code version}, as the trainer writes. */
    static Path writeVersion(Path dir, long seed, long version) throws IOException {
        write(dir, seed);
        Files.writeString(dir.resolve(Checkpoints.STATE_FILE), "{\"version\": " + version + "}\n");
        return dir;
    }
}
