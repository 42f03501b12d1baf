package io.east.model;

import java.util.List;

/**
 * One generated continuation.
 *
 * @param text the generated text, cut before a stop string and without special tokens
 * @param tokens every generated token in order, including the end token or the token that completed a stop string
 * @param meanLogProb mean over those tokens of log p(token | prefix) under the model itself (temperature 1,
 *     no top-p): the quantity a perplexity-based "local uncertainty" weighting needs
 * @param finishReason why generation of this row stopped
 */
public record Completion(String text, List<Token> tokens, double meanLogProb, FinishReason finishReason) {

    public Completion {
        tokens = List.copyOf(tokens);
    }

    /**
     * One generated token.
     *
     * @param id its id in the tokenizer's vocabulary
     * @param logProb log p(token | prefix) under the model itself (temperature 1, no top-p)
     */
    public record Token(long id, float logProb) {
    }

    /** Tokens generated, including the end token or the token that completed a stop string. */
    public int tokenCount() {
        return tokens.size();
    }

    public enum FinishReason {
        /** The model emitted an end-of-sequence token. */
        END_OF_SEQUENCE,
        /** The text reached one of the stop strings. */
        STOP_STRING,
        /** maxNewTokens tokens were generated. */
        LENGTH
    }
}
