package io.east.serve;

import io.east.model.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One choice of a response, copied out of the Sampler's result so it outlives the checkpoint that made it.
 *
 * @param text the completion, cut before a stop string
 * @param finishReason {@code stop} (an end token or a stop string) or {@code length} (the token budget ran out)
 * @param completionTokens tokens generated, including an end token or the token that completed a stop string
 * @param tokens when log-probabilities were asked for, each generated token's text and log-probability (under the
 *     model at temperature 1); otherwise empty
 */
record SampledChoice(String text, String finishReason, int completionTokens, List<TokenLogprob> tokens) {

    /** A sampled token: its text (decoded alone, special tokens as empty text) and its log-probability. */
    record TokenLogprob(String token, double logprob) {
    }

    SampledChoice {
        tokens = List.copyOf(tokens);
    }

    /** @param tokenTexts spells out each token, or null when no log-probabilities are wanted */
    static SampledChoice of(Completion completion, LongFunction<String> tokenTexts) {
        String finish = completion.finishReason() == Completion.FinishReason.LENGTH ? "length" : "stop";
        List<TokenLogprob> tokens = new ArrayList<>();
        if (tokenTexts != null) {
            for (Completion.Token token : completion.tokens()) {
                tokens.add(new TokenLogprob(tokenTexts.apply(token.id()), token.logProb()));
            }
        }
        return new SampledChoice(completion.text(), finish, completion.tokenCount(), tokens);
    }
}
