package io.east.serve;

import io.east.model.TextTokenizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Each token's text decoded alone, for log-probabilities, remembered per checkpoint: decoding one token at a time
 * through the tokenizer costs a native call per generated token, and a few thousand per Sampler call add up. Used by
 * the sampling thread only.
 */
final class TokenTexts implements LongFunction<String> {

    private final TextTokenizer tokenizer;
    private final Map<Long, String> texts = new HashMap<>();

    TokenTexts(TextTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public String apply(long id) {
        return texts.computeIfAbsent(id, key -> tokenizer.decode(new long[] {key}));
    }
}
