package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks [B, 1, 1, T, S] (0 = may attend, a large negative number = may not), shaped
 * to broadcast over the [B, kvHeads, group, T, S] scores of {@link LlamaModel}.
 *
 * <p>A finite negative rather than -infinity, as transformers does: a query whose keys are all masked
 * (a left-padding position) then gets a harmless uniform row instead of NaN.
 */
public final class AttentionMask {

    static final float BLOCKED = -1e9f;

    private AttentionMask() {}

    /**
     * Causal mask for {@code queries} new positions after {@code past} cached ones, every key valid. One
     * row [1, 1, 1, T, S] shared by the whole batch through broadcasting.
     */
    public static NDArray causal(NDManager manager, int batch, int queries, int past) {
        return causal(manager, 1, queries, past, null);
    }

    /**
     * Causal mask that also blocks invalid keys.
     *
     * @param keyValid [B][past + queries], false for padding; null means all valid
     */
    public static NDArray causal(NDManager manager, int batch, int queries, int past, boolean[][] keyValid) {
        int keys = past + queries;
        float[] mask = new float[batch * queries * keys];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < queries; t++) {
                int base = (b * queries + t) * keys;
                for (int s = 0; s < keys; s++) {
                    boolean visible = s <= past + t && (keyValid == null || keyValid[b][s]);
                    mask[base + s] = visible ? 0f : BLOCKED;
                }
            }
        }
        return manager.create(mask, new Shape(batch, 1, 1, queries, keys));
    }
}
