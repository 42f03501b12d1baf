package io.east.producers.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Lines of the qwen-eval format for tests. */
public final class QwenEvalLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QwenEvalLines() {
    }

    /** A question whose responses answer {@code preds}; a response is correct when its pred equals the gold. */
    public static String line(int idx, String gold, String... preds) {
        ObjectNode json = MAPPER.createObjectNode().put("idx", idx).put("question", "Question " + idx + "?")
                .put("gt", gold);
        ArrayNode code = json.putArray("code");
        ArrayNode pred = json.putArray("pred");
        ArrayNode score = json.putArray("score");
        for (int i = 0; i < preds.length; i++) {
            code.add(List.of("Thinking " + i + ". The answer is \\boxed{" + preds[i] + "}.",
                    "I think it is " + preds[i] + ".").get(i % 2));
            pred.add(preds[i]);
            score.add(gold.equals(preds[i]));
        }
        return json.toString();
    }
}
