package io.east.producers.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.model.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model version a checkpoint directory says it is: the {@code version} of the trainer's east-state.json, or 0
 * (a base model) when there is no such file. Read here rather than through the trainer module, which producers do
 * not depend on; only this one field is needed.
 */
public final class CheckpointVersion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointVersion() {
    }

    /** @throws IOException when east-state.json exists but cannot be read or has no integer version */
    public static long of(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(Checkpoints.STATE_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode version;
        try {
            version = JSON.readTree(file.toFile()).get("version");
        } catch (IOException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            throw new IOException(file + ": version must be an integer >= 0");
        }
        return version.asLong();
    }
}
