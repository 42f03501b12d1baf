package io.east.ablation;

import io.east.schemas.WeightedExample;
import io.east.schemas.serde.RecordJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the examples of one (config, seed) run in its training order as the trainer's --data file: one
 * WeightedExample per line as {@code east tail east.weighted} prints it.
 */
final class TrainingFiles {

    private TrainingFiles() {
    }

    static Path write(Path file, List<WeightedExample> examples, int[] order) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int index : order) {
                out.write(RecordJson.toJson(examples.get(index)));
                out.write('\n');
            }
        }
        return file;
    }
}
