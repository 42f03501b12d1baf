package io.east.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.model.Checkpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes east-state.json. Field names are snake_case like the Avro records; created_at is ISO-8601 so a
 * person reading the file sees a date. Unknown fields are ignored, so later versions may add some.
 *
 * <pre>
 * {"format": 1, "version": 3, "parent_version": 2, "step": 30, "examples_seen": 120, "held_back": 4,
 *  "invalid": 0, "loss": "sft", "last_loss": 1.93, "experiment": null, "source": "kafka:east.weighted",
 *  "offsets": {"east.weighted-0": 124}, "init": "/models/base", "created_at": "2025-03-14T15:09:26.535Z",
 *  "trained_tasks": "trained-tasks.txt", "skipped": "skipped.jsonl"}
 * </pre>
 */
public final class TrainerStateFile {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainerStateFile() {
    }

    public static void write(Path directory, TrainerState state) throws IOException {
        Files.writeString(directory.resolve(Checkpoints.STATE_FILE), toJson(state) + "\n", StandardCharsets.UTF_8);
    }

    public static TrainerState read(Path directory) throws IOException {
        Path file = directory.resolve(Checkpoints.STATE_FILE);
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static String toJson(TrainerState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", state.version());
        root.put("parent_version", state.parentVersion());
        root.put("step", state.step());
        root.put("examples_seen", state.examplesSeen());
        root.put("held_back", state.heldBack());
        root.put("invalid", state.invalid());
        root.put("loss", state.loss());
        if (state.lastLoss() != null && Double.isFinite(state.lastLoss())) {
            root.put("last_loss", state.lastLoss());
        } else {
            root.putNull("last_loss");
        }
        root.put("experiment", state.experiment());
        root.put("source", state.source());
        ObjectNode offsets = root.putObject("offsets");
        state.offsets().forEach(offsets::put);
        root.put("init", state.init());
        root.put("created_at", state.createdAt().toString());
        root.put("trained_tasks", CheckpointStore.TRAINED_TASKS);
        root.put("skipped", CheckpointStore.SKIPPED);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the trainer state", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a state this code can read */
    public static TrainerState fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int format = root.path("format").asInt(FORMAT);
        if (format > FORMAT) {
            throw new IllegalArgumentException("state format " + format + " is newer than this trainer reads (" + FORMAT + ")");
        }
        Map<String, Long> offsets = new LinkedHashMap<>();
        JsonNode offsetsNode = root.path("offsets");
        if (!offsetsNode.isMissingNode() && !offsetsNode.isNull()) {
            if (!offsetsNode.isObject()) {
                throw new IllegalArgumentException("offsets must be an object");
            }
            offsetsNode.properties().forEach(e -> offsets.put(e.getKey(), requireLong(e.getValue(), "offsets." + e.getKey())));
        }
        return new TrainerState(
                requireLong(root.get("version"), "version"),
                optionalLong(root.get("parent_version"), "parent_version"),
                longOr(root.get("step"), "step", 0),
                longOr(root.get("examples_seen"), "examples_seen", 0),
                longOr(root.get("held_back"), "held_back", 0),
                longOr(root.get("invalid"), "invalid", 0),
                text(root.get("loss"), "sft"),
                root.hasNonNull("last_loss") && root.get("last_loss").isNumber() ? root.get("last_loss").asDouble() : null,
                text(root.get("experiment"), null),
                text(root.get("source"), null),
                offsets,
                text(root.get("init"), null),
                instant(root.get("created_at")));
    }

    private static long requireLong(JsonNode node, String field) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return node.asLong();
    }

    private static Long optionalLong(JsonNode node, String field) {
        return node == null || node.isNull() ? null : requireLong(node, field);
    }

    private static long longOr(JsonNode node, String field, long fallback) {
        return node == null || node.isNull() ? fallback : requireLong(node, field);
    }

    private static String text(JsonNode node, String fallback) {
        return node == null || node.isNull() ? fallback : node.asText();
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at must be an ISO-8601 instant, got " + node.asText(), e);
        }
    }
}
