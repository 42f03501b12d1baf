package io.east.formats;

import java.util.List;

/**
 * One line of the Qwen2.5-Math evaluation pipeline's output, which the reference EAST code consumes: a question
 * with its n responses ({@code code}), their extracted answers ({@code pred}, entries may be null) and the
 * pipeline's verdicts ({@code score}).
 */
public record QwenEvalQuestion(String questionId, String question, String gold, List<String> responses,
        List<String> predictions, List<Boolean> scores) {

    public QwenEvalQuestion {
        responses = List.copyOf(responses);
        // List.copyOf refuses nulls, and a null prediction is meaningful (nothing was extracted).
        predictions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(predictions));
        scores = List.copyOf(scores);
    }

    public int n() {
        return responses.size();
    }
}
