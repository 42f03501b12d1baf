package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fixture's expected.safetensors: the input transformers ran and what it computed, for a forward pass on the same
 * input to be compared with.
 */
record FixtureLogits(NDArray ids, NDArray positions, long[] attention, Map<String, NDArray> all) {
    static FixtureLogits read(Path dir, NDManager manager) throws Exception {
        Map<String, NDArray> all = SafeTensors.read(dir.resolve("expected.safetensors"), manager);
        return new FixtureLogits(all.get("input_ids"), all.get("position_ids"),
                all.get("attention_mask").toLongArray(), all);
    }

    float[] logits() {
        return all.get("logits").toFloatArray();
    }

    NDArray mask(NDManager manager) {
        int batch = (int) ids.getShape().get(0);
        int time = (int) ids.getShape().get(1);
        boolean[][] valid = new boolean[batch][time];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                valid[b][t] = attention[b * time + t] == 1;
            }
        }
        return AttentionMask.causal(manager, batch, time, 0, valid);
    }

    /** max |actual - reference| over max |reference| on the positions that are not padding. */
    double relativeError(float[] actual, float[] reference) {
        int perPosition = reference.length / attention.length;
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < reference.length; i++) {
            if (attention[i / perPosition] == 0) {
                continue;
            }
            maxAbs = Math.max(maxAbs, Math.abs(reference[i]));
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - reference[i]));
        }
        return maxDiff / maxAbs;
    }
}
