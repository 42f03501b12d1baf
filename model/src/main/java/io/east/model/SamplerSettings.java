package io.east.model;

import java.util.List;

/**
 * How to continue prompts.
 *
 * @param temperature 0 means greedy (argmax); otherwise logits are divided by it before sampling
 * @param topP nucleus sampling: draw from the smallest set of most likely tokens whose probability
 *     reaches topP (1 = no cut)
 * @param maxNewTokens at most this many tokens are generated per prompt (an end token included)
 * @param stopStrings generation of a row stops once its text contains one; the text is cut before it
 * @param seed with the same seed, prompts and model, sampling returns the same completions
 * @param useKvCache false recomputes the whole prefix every step (for benchmarks and the equivalence test)
 */
public record SamplerSettings(double temperature, double topP, int maxNewTokens, List<String> stopStrings, long seed,
                             boolean useKvCache) {

    public SamplerSettings {
        if (temperature < 0 || topP <= 0 || topP > 1 || maxNewTokens < 1) {
            throw new IllegalArgumentException("need temperature >= 0, 0 < topP <= 1, maxNewTokens >= 1");
        }
        stopStrings = List.copyOf(stopStrings);
    }

    public static SamplerSettings greedy(int maxNewTokens) {
        return new SamplerSettings(0, 1, maxNewTokens, List.of(), 0, true);
    }

    public static SamplerSettings sampled(double temperature, double topP, int maxNewTokens, long seed) {
        return new SamplerSettings(temperature, topP, maxNewTokens, List.of(), seed, true);
    }

    public SamplerSettings withStopStrings(List<String> stops) {
        return new SamplerSettings(temperature, topP, maxNewTokens, stops, seed, useKvCache);
    }

    public SamplerSettings withSeed(long newSeed) {
        return new SamplerSettings(temperature, topP, maxNewTokens, stopStrings, newSeed, useKvCache);
    }

    public SamplerSettings withKvCache(boolean use) {
        return new SamplerSettings(temperature, topP, maxNewTokens, stopStrings, seed, use);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
