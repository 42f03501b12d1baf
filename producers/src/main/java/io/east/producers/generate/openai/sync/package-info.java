/**
 * Weight sync: an OpenAI-compatible server follows the model versions announced on {@code east.model-versions}.
 *
 * <p>{@link io.east.producers.generate.openai.sync.WeightSyncFollower} reads the announcements and admits only
 * checkpoints under the checkpoint root; {@link io.east.producers.generate.openai.sync.ServedPathMap} turns an admitted
 * path into the path the server sees; {@link io.east.producers.generate.openai.sync.WeightSyncer} asks the server to
 * load it through a {@link io.east.producers.generate.openai.sync.WeightSync} (SGLang, vLLM or a user command), with
 * retries, and records the version the server then serves; {@link
 * io.east.producers.generate.openai.sync.WeightSyncedBackend} does all this at batch boundaries for a generator worker.
 */
package io.east.producers.generate.openai.sync;
