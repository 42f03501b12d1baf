package io.east.serve;

import io.east.producers.generate.djl.LoadedPolicy;
import java.util.Objects;

/** A loaded checkpoint and the names it is served under; closing it frees its weights. */
final class ServedCheckpoint implements AutoCloseable {

    private final LoadedPolicy policy;
    private final ModelInfo info;

    ServedCheckpoint(LoadedPolicy policy, String modelPath, String weightVersion) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.info = new ModelInfo(modelPath, weightVersion != null ? weightVersion : Long.toString(policy.version()),
                policy.version(), policy.model().maxPositions());
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
