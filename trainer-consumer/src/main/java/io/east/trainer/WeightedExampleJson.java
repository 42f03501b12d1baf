package io.east.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.schemas.WeightedExample;
import java.time.Instant;

/**
 * Reads a WeightedExample from one JSON object with the record's field names at the top level, as
 * {@code east tail east.weighted} prints it (RecordJson: unions unwrapped, created_at in epoch milliseconds, NaN and
 * infinities as strings). What training needs is required: task_id, prompt, chosen, weight (finite, >= 0);
 * rejected is required later by DPO and KTO. Fields that only describe how the weight was made get neutral
 * defaults, so files from elsewhere need not invent them.
 */
public final class WeightedExampleJson {

    private WeightedExampleJson() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the object is not a usable example */
    public static WeightedExample parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String taskId = requiredText(json, "task_id");
        if (taskId.isEmpty() || taskId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("task_id must be non-empty text without control characters");
        }
        double weight = number(json, "weight", null);
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + json.get("weight"));
        }
        return WeightedExample.newBuilder()
                .setTaskId(taskId)
                .setQuestionId(optionalText(json, "question_id", taskId))
                .setDataset(optionalText(json, "dataset", "unknown"))
                .setRound((int) integer(json, "round", 0, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .setPrompt(requiredText(json, "prompt"))
                .setChosen(requiredText(json, "chosen"))
                .setRejected(optionalText(json, "rejected", null))
                .setWeight(weight)
                .setSignal(number(json, "signal", Double.NaN))
                .setEntropy(number(json, "entropy", Double.NaN))
                .setAccuracy(number(json, "accuracy", Double.NaN))
                .setRejectedShare(number(json, "rejected_share", Double.NaN))
                .setStrategy(optionalText(json, "strategy", "unknown"))
                .setAlpha(number(json, "alpha", Double.NaN))
                .setScope(optionalText(json, "scope", "unknown"))
                .setScopeId(optionalText(json, "scope_id", "unknown"))
                .setNormaliser(number(json, "normaliser", Double.NaN))
                .setPolicyVersion(integer(json, "policy_version", 0, Long.MIN_VALUE, Long.MAX_VALUE))
                .setExperiment(optionalText(json, "experiment", null))
                .setCreatedAt(Instant.ofEpochMilli(integer(json, "created_at", 0, Long.MIN_VALUE, Long.MAX_VALUE)))
                .build();
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode json, String field, String fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string or null");
        }
        return node.textValue();
    }

    /** A number, or one of the strings RecordJson writes for values JSON numbers cannot hold. */
    private static double number(JsonNode json, String field, Double fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing " + field);
            }
            return fallback;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    private static long integer(JsonNode json, String field, long fallback, long min, long max) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " is out of range: " + value);
        }
        return value;
    }
}
