package io.east.serve;

import java.util.List;

/**
 * The answer to one request: its choices in order (choice {@code i} continues prompt {@code i / n}), the prompt
 * tokens counted once per prompt, and the checkpoint that sampled every choice.
 */
record SamplingResult(List<SampledChoice> choices, int promptTokens, ModelInfo servedBy) {

    SamplingResult {
        choices = List.copyOf(choices);
    }

    int completionTokens() {
        return choices.stream().mapToInt(SampledChoice::completionTokens).sum();
    }
}
