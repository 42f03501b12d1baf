package io.east.producers.generate;

import java.util.List;

/**
 * How to sample, the same for every task of a worker.
 *
 * @param temperature >= 0; 0 is greedy, which makes the n samples of a task identical (entropy 0)
 * @param topP in (0, 1]
 * @param maxNewTokens upper bound on generated tokens per response
 * @param stop strings that end a response (not included in it); may be empty
 */
public record SamplingParams(double temperature, double topP, int maxNewTokens, List<String> stop) {

    public static final double DEFAULT_TEMPERATURE = 0.8;
    public static final double DEFAULT_TOP_P = 0.95;
    public static final int DEFAULT_MAX_NEW_TOKENS = 512;
    /** Ends a base model's answer where it would start inventing the next question of the default template. */
    public static final List<String> DEFAULT_STOP = List.of("\nQuestion:");

    public SamplingParams {
        if (!Double.isFinite(temperature) || temperature < 0) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
        }
        if (!Double.isFinite(topP) || topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens must be >= 1, got " + maxNewTokens);
        }
        stop = List.copyOf(stop);
        for (String s : stop) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("a stop string must not be empty");
            }
        }
    }

    public static SamplingParams defaults() {
        return new SamplingParams(DEFAULT_TEMPERATURE, DEFAULT_TOP_P, DEFAULT_MAX_NEW_TOKENS, DEFAULT_STOP);
    }
}
