package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses and validates lines of the qwen-eval format. */
public final class QwenEvalFormat {

    private QwenEvalFormat() {
    }

    public static QwenEvalQuestion parse(JsonNode json) throws BadLineException {
        JsonFields fields = new JsonFields(json);
        String questionId = fields.nonEmptyText("idx");
        String question = fields.text("question", "");
        String gold = fields.text("gt");
        JsonNode code = fields.array("code");
        JsonNode pred = fields.array("pred");
        JsonNode score = fields.array("score");
        if (code.isEmpty()) {
            throw new BadLineException("field 'code' holds no responses");
        }
        if (pred.size() != code.size() || score.size() != code.size()) {
            throw new BadLineException("fields 'code', 'pred' and 'score' must have the same length, got "
                    + code.size() + ", " + pred.size() + " and " + score.size());
        }
        List<String> responses = new ArrayList<>(code.size());
        List<String> predictions = new ArrayList<>(code.size());
        List<Boolean> scores = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            responses.add(JsonFields.asText(code.get(i), "code[" + i + "]"));
            predictions.add(pred.get(i).isNull() ? null : JsonFields.asText(pred.get(i), "pred[" + i + "]"));
            scores.add(JsonFields.asBoolean(score.get(i), "score[" + i + "]"));
        }
        return new QwenEvalQuestion(questionId, question, gold, responses, predictions, scores);
    }
}
