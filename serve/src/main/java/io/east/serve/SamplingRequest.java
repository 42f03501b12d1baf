package io.east.serve;

import java.util.List;

/**
 * A validated completions or chat request: its prompts (one for chat), n choices for each, how to sample, and
 * whether to return the sampled tokens' log-probabilities. Choice {@code i} of the response continues prompt
 * {@code i / n}.
 */
record SamplingRequest(Api api, List<String> prompts, int n, RequestSampling options, boolean logprobs) {

    SamplingRequest {
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty() || n < 1) {
            throw new IllegalArgumentException("need at least one prompt and n >= 1");
        }
    }

    /** Rows to sample: prompts x n. */
    int rows() {
        return prompts.size() * n;
    }
}
