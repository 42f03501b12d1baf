package io.east.producers.generate.djl;

/**
 * The seed of each Sampler call, derived from the worker's {@code --seed}, the policy version, the number of the
 * {@code sampleAll} call since the backend started, and the chunk within that call. The Sampler then draws row r of a
 * call from {@code seed * golden + r}, so every row of every call gets its own stream.
 *
 * <p>Consequences: the same seed, model version and sequence of batches give the same texts (a benchmark or an
 * evaluation is repeatable); two workers with the same seed draw the same random numbers for different prompts,
 * which is harmless; a restarted worker starts counting calls from 0 again, so a batch generated again after a crash
 * is not expected to repeat the lost texts (it need not: they were never committed).
 */
final class SamplingSeeds {

    private SamplingSeeds() {
    }

    static long of(long seed, long policyVersion, long call, int chunk) {
        long h = mix(seed);
        h = mix(h ^ policyVersion);
        h = mix(h ^ call);
        return mix(h ^ chunk);
    }

    /** The SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
