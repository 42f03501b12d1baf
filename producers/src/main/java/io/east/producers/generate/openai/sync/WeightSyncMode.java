package io.east.producers.generate.openai.sync;

import java.util.Locale;

/** How an OpenAI-compatible server is made to load a new checkpoint. */
public enum WeightSyncMode {
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
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (WeightSyncMode mode : values()) {
            if (mode.cliName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("weight sync must be none, sglang, vllm or command, got '" + text + "'");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
