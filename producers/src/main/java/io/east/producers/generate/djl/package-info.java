/**
 * The DJL generator backend: the policy of the model module sampled in batches with a KV cache, following the
 * model versions announced on {@code east.model-versions} (through {@link io.east.producers.versions}) and loading
 * only checkpoints under a trusted root.
 *
 * <p>{@link io.east.producers.generate.djl.DjlBackend} is the backend; {@code PolicySwitcher},
 * {@code PolicyHolder} and {@link io.east.producers.generate.djl.LoadedPolicy} load a new version between batches and
 * free the old one; {@code BatchedSampling} and {@code SamplingSeeds} turn a batch of requests into Sampler calls.
 */
package io.east.producers.generate.djl;
