package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.core.answer.AnswerExtractor;
import io.east.schemas.ReasoningSample;
import java.time.Instant;

/**
 * Parses and validates lines of the samples format: one ReasoningSample per line with its Avro field names, as
 * {@code east tail east.samples} prints them. Fields a file from elsewhere may lack get neutral defaults; the ones
 * the method needs are required.
 */
public final class SamplesFormat {

    /** Samples per task above this are refused: no sampling setting of the method needs more. */
    public static final int MAX_N = 100_000;

    private SamplesFormat() {
    }

    public static ReasoningSample parse(JsonNode json) throws BadLineException {
        JsonFields fields = new JsonFields(json);
        int n = fields.intInRange("n", 1, MAX_N);
        String response = fields.text("response", "");
        String predicted = fields.nullableText("predicted_answer");
        return ReasoningSample.newBuilder()
                .setTaskId(fields.nonEmptyText("task_id"))
                .setQuestionId(fields.nonEmptyText("question_id"))
                .setDataset(fields.text("dataset", "unknown"))
                .setRound(fields.intInRange("round", 0, Integer.MAX_VALUE, 0))
                .setSampleIndex(fields.intInRange("sample_index", 0, n - 1))
                .setN(n)
                .setQuestion(fields.text("question", ""))
                .setResponse(response)
                .setPredictedAnswer(predicted)
                .setGoldAnswer(fields.text("gold_answer", ""))
                .setCorrect(fields.bool("correct"))
                .setPolicyVersion(fields.integer("policy_version", 0))
                .setGenerator(fields.text("generator", "file"))
                .setCreatedAt(Instant.ofEpochMilli(fields.integer("created_at", 0)))
                .setTokenCount(fields.intInRange("token_count", 0, Integer.MAX_VALUE, 0))
                .setMeanLogprob(fields.nullableFiniteDouble("mean_logprob"))
                .setContainsBoxed(fields.has("contains_boxed")
                        ? fields.bool("contains_boxed")
                        : AnswerExtractor.containsBoxed(response))
                .build();
    }
}
