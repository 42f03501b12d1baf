package io.east.serve;

import java.util.List;

/**
 * What rows must agree on to share a Sampler call, which takes one temperature, top-p, token budget, stop list and
 * seed for all its rows. Greedy rows ignore top-p and seeds, so those are dropped from their key. A request with its
 * own seed is sampled alone ({@code soloJob} is its id) so that its text does not depend on what else was queued.
 */
record BatchKey(double temperature, double topP, Integer maxTokens, List<String> stop, long soloJob) {

    static BatchKey of(RequestSampling options, long jobId) {
        if (options.greedy()) {
            return new BatchKey(0, 1, options.maxTokens(), options.stop(), 0);
        }
        return new BatchKey(options.temperature(), options.topP(), options.maxTokens(), options.stop(),
                options.seed() != null ? jobId : 0);
    }

    boolean solo() {
        return soloJob != 0;
    }
}
