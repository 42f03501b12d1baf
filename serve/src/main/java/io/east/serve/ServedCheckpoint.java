package io.east.serve;

import io.east.producers.generate.djl.LoadedPolicy;
import java.util.Objects;

/** A loaded checkpoint and the names it is served under; closing it frees its weights. */
final class ServedCheckpoint implements AutoCloseable {

    private final LoadedPolicy policy;
    private final ModelInfo info;
    private final TokenTexts tokenTexts;

    ServedCheckpoint(LoadedPolicy policy, String modelPath, String weightVersion) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.info = new ModelInfo(modelPath, weightVersion != null ? weightVersion : Long.toString(policy.version()),
                policy.version(), policy.model().maxPositions());
        this.tokenTexts = new TokenTexts(policy.tokenizer());
    }

    /** The text of each token alone, decoded once per checkpoint. */
    TokenTexts tokenTexts() {
        return tokenTexts;
    }

    LoadedPolicy policy() {
        return policy;
    }

    ModelInfo info() {
        return info;
    }

    @Override
    public void close() {
        policy.close();
    }
}
