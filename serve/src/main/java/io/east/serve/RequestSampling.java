package io.east.serve;

import java.util.List;

/**
 * How to sample the rows of one request, validated.
 *
 * @param temperature in [0, 2]; 0 is greedy
 * @param topP in (0, 1]
 * @param maxTokens at most this many tokens per choice, or null for as many as the model's positions leave
 * @param stop strings that end a choice (cut before them)
 * @param seed the request's own seed, or null for the server's stream of seeds
 */
record RequestSampling(double temperature, double topP, Integer maxTokens, List<String> stop, Long seed) {

    RequestSampling {
        stop = List.copyOf(stop);
    }

    boolean greedy() {
        return temperature == 0;
    }
}
