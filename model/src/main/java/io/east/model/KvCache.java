package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for the positions already processed, so a decoding step only runs the
 * new token through the model.
 *
 * <p>Preallocated to its capacity and written in place: growing by concatenation would copy the whole
 * cache every step. Arrays live on the cache's own manager (closed with the cache); what a step reads
 * back lands on that step's manager.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;   // per layer [B, kvHeads, capacity, headDim]
    private final NDArray[] values;
    private final int capacity;
    private int length;

    /** A cache for {@code model}'s layers, in the precision it computes in. */
    public static KvCache forModel(LlamaModel model, int batchSize, int capacity, NDManager parent) {
        return new KvCache(model.config(), model.computePrecision().dataType(), batchSize, capacity, parent);
    }

    public KvCache(LlamaConfig config, DataType dataType, int batchSize, int capacity, NDManager parent) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        Shape shape = new Shape(batchSize, config.numKeyValueHeads(), capacity, config.headDim());
        keys = new NDArray[config.numHiddenLayers()];
        values = new NDArray[config.numHiddenLayers()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = manager.zeros(shape, dataType);
            values[i] = manager.zeros(shape, dataType);
        }
    }

    /** Positions already stored (the same for every row: rows are aligned by left padding). */
    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Stores this step's keys and values [B, kvHeads, T, headDim] of one layer after the cached ones and
     * returns all of them [B, kvHeads, length + T, headDim], on {@code step}.
     */
    NDList append(int layer, NDArray newKeys, NDArray newValues, NDManager step) {
        long t = newKeys.getShape().get(2);
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache full: " + length + " + " + t + " > " + capacity);
        }
        NDIndex slot = new NDIndex(":, :, {}:{}", length, length + t);
        keys[layer].set(slot, newKeys);
        values[layer].set(slot, newValues);
        NDIndex filled = new NDIndex(":, :, :{}", length + t);
        return new NDList(keys[layer].get(step, filled), values[layer].get(step, filled));
    }

    /** Called once per forward pass, after every layer has appended its {@code t} new positions. */
    void advance(int t) {
        length += t;
    }

    @Override
    public void close() {
        manager.close();
    }
}
