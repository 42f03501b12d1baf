package io.east.producers.generate.openai.sync;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;

/** How an OpenAI-compatible server is made to load a new checkpoint. */
public enum WeightSyncMode implements SpelledEnum {
    /** Never: the server serves what it was started with. */
    NONE,
    /** SGLang's {@code POST /update_weights_from_disk}, confirmed with {@code GET /get_model_info}. */
    SGLANG,
    /** vLLM's dev-mode {@code POST /collective_rpc} with {@code reload_weights}, then {@code /reset_prefix_cache}. */
    VLLM,
    /** A user command given the checkpoint's path and version; exit code 0 means loaded. */
    COMMAND;

    /** {@code none}, {@code sglang}, {@code vllm} or {@code command}. */
    public static WeightSyncMode parse(String text) {
        return EnumIds.parse(WeightSyncMode.class, "weight sync", text);
    }
}
