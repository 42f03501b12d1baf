package io.east.model;

/**
 * One generated continuation.
 *
 * @param text the generated text, cut before a stop string and without special tokens
 * @param tokenCount tokens generated, including the end token or the token that completed a stop string
 * @param meanLogProb mean over those tokens of log p(token | prefix) under the model itself (temperature 1,
 *     no top-p): the quantity a perplexity-based "local uncertainty" weighting needs
 * @param finishReason why generation of this row stopped
 */
public record Completion(String text, int tokenCount, double meanLogProb, FinishReason finishReason) {

    public enum FinishReason {
        /** The model emitted an end-of-sequence token. */
        END_OF_SEQUENCE,
        /** The text reached one of the stop strings. */
        STOP_STRING,
        /** maxNewTokens tokens were generated. */
        LENGTH
    }
}
