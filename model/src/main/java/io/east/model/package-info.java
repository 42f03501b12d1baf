/**
 * The DJL causal language model in the Llama layout, read top to bottom like nanoGPT: {@link
 * io.east.model.LlamaConfig} (config.json), {@link io.east.model.LlamaModel} (the forward pass), {@link
 * io.east.model.KvCache}, {@link io.east.model.Sampler}, {@link io.east.model.Losses} and {@link
 * io.east.model.Checkpoints} (Hugging Face directories). The training loop is in {@code io.east.model.train};
 * benchmarks in {@code io.east.bench.model}.
 *
 * <p>Memory rule: weights live on the model's manager; every step (a training step, a decoding step) opens
 * a sub-manager and closes it, and every op takes a per-step array as its first operand so that its result
 * lands on that sub-manager.
 */
package io.east.model;
