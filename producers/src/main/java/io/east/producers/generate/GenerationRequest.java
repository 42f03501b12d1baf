package io.east.producers.generate;

import java.util.Objects;

/** Sample {@code n} responses to one filled-in prompt. */
public record GenerationRequest(String prompt, int n) {

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }
}
