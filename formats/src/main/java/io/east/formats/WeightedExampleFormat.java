package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.schemas.WeightedExample;
import java.time.Instant;

/**
 * Parses lines of weighted-example files: one WeightedExample per JSON object with the record's field names at the
 * top level, as {@code east tail east.weighted} prints it (unions unwrapped, created_at in epoch milliseconds, NaN and
 * infinities as strings). What training needs is required: task_id, prompt, chosen, weight (finite, >= 0); the fields
 * that only describe how the weight was made get neutral defaults, so files from elsewhere need not invent them.
 */
public final class WeightedExampleFormat {

    private WeightedExampleFormat() {
    }

    public static WeightedExample parse(JsonNode json) throws BadLineException {
        if (json == null || !json.isObject()) {
            throw new BadLineException("not a JSON object");
        }
        JsonFields fields = new JsonFields(json);
        String taskId = fields.nonEmptyText("task_id");
        if (taskId.chars().anyMatch(Character::isISOControl)) {
            throw new BadLineException("field 'task_id' must not hold control characters");
        }
        double weight = fields.number("weight");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new BadLineException("field 'weight' must be finite and >= 0, got " + json.get("weight"));
        }
        return WeightedExample.newBuilder()
                .setTaskId(taskId)
                .setQuestionId(fields.text("question_id", taskId))
                .setDataset(fields.text("dataset", "unknown"))
                .setRound(fields.intInRange("round", Integer.MIN_VALUE, Integer.MAX_VALUE, 0))
                .setPrompt(fields.text("prompt"))
                .setChosen(fields.text("chosen"))
                .setRejected(fields.nullableText("rejected"))
                .setWeight(weight)
                .setSignal(fields.number("signal", Double.NaN))
                .setEntropy(fields.number("entropy", Double.NaN))
                .setAccuracy(fields.number("accuracy", Double.NaN))
                .setRejectedShare(fields.number("rejected_share", Double.NaN))
                .setStrategy(fields.text("strategy", "unknown"))
                .setAlpha(fields.number("alpha", Double.NaN))
                .setScope(fields.text("scope", "unknown"))
                .setScopeId(fields.text("scope_id", "unknown"))
                .setNormaliser(fields.number("normaliser", Double.NaN))
                .setPolicyVersion(fields.integer("policy_version", 0))
                .setExperiment(fields.nullableText("experiment"))
                .setCreatedAt(Instant.ofEpochMilli(fields.integer("created_at", 0)))
                .build();
    }
}
