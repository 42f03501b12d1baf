package io.east.serve;

import io.east.producers.generate.djl.LoadedPolicy;
import java.util.Objects;

/**
 * A loaded checkpoint and the names it is served under; closing it frees its weights.
 *
 * @param tokenTexts the text of each token alone, decoded once per checkpoint
 */
record ServedPolicy(LoadedPolicy policy, ModelInfo info, TokenTexts tokenTexts) implements AutoCloseable {

    /** @param weightVersion the label to report, or null for the checkpoint's version */
    static ServedPolicy of(LoadedPolicy policy, String modelPath, String weightVersion) {
        Objects.requireNonNull(policy, "policy");
        String reported = weightVersion != null ? weightVersion : Long.toString(policy.version());
        ModelInfo info = new ModelInfo(modelPath, reported, policy.version(), policy.model().maxPositions());
        return new ServedPolicy(policy, info, new TokenTexts(policy.tokenizer()));
    }

    @Override
    public void close() {
        policy.close();
    }
}
