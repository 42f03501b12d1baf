package io.east.producers.generate;

import java.util.Objects;

/**
 * One sampled response.
 *
 * @param text the response, without the prompt
 * @param tokenCount generated tokens; exact when the backend knows them, else its documented estimate
 * @param meanLogprob mean token log-probability, or null when the backend cannot tell
 * @param policyVersion the model version that produced this text; carried per generation because a backend that
 *     hot-reloads may switch versions between two calls
 */
public record Generation(String text, int tokenCount, Double meanLogprob, long policyVersion) {

    public Generation {
        Objects.requireNonNull(text, "text");
        if (tokenCount < 0) {
            throw new IllegalArgumentException("tokenCount must be >= 0, got " + tokenCount);
        }
        if (meanLogprob != null && !Double.isFinite(meanLogprob)) {
            throw new IllegalArgumentException("meanLogprob must be finite or null, got " + meanLogprob);
        }
    }
}
