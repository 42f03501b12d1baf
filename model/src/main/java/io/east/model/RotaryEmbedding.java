package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/**
 * Rotary position embeddings in the Hugging Face Llama convention: the head is split into two halves
 * (not interleaved pairs), {@code x * cos + rotate_half(x) * sin}, with the Llama 3 frequency rule when
 * the config asks for it.
 *
 * <p>The cos/sin tables are built once in Java and looked up per position with an embedding op, so each
 * row of a batch can start at its own position (left-padded prompts).
 */
final class RotaryEmbedding {

    /** Long contexts get a table only as long as this; Llama 3.2's 131072 positions would be 67 MB. */
    static final int MAX_TABLE_POSITIONS = 16384;

    private final NDArray cos; // [positions, headDim]
    private final NDArray sin;
    private final int positions;

    RotaryEmbedding(LlamaConfig config, NDManager manager) {
        int dim = config.headDim();
        positions = Math.min(config.maxPositionEmbeddings(), MAX_TABLE_POSITIONS);
        float[] inverseFrequency = inverseFrequencies(config);
        float[] cosTable = new float[positions * dim];
        float[] sinTable = new float[positions * dim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < dim / 2; i++) {
                float angle = p * inverseFrequency[i];  // float32 product, as transformers computes it
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cosTable[p * dim + i] = c;
                cosTable[p * dim + i + dim / 2] = c;
                sinTable[p * dim + i] = s;
                sinTable[p * dim + i + dim / 2] = s;
            }
        }
        cos = manager.create(cosTable, new Shape(positions, dim));
        sin = manager.create(sinTable, new Shape(positions, dim));
    }

    static float[] inverseFrequencies(LlamaConfig config) {
        int dim = config.headDim();
        LlamaConfig.Rope rope = config.rope();
        float[] inv = new float[dim / 2];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = (float) (1.0 / Math.pow(rope.theta(), (2.0 * i) / dim));
        }
        if (rope.type().equals("llama3")) {
            // Llama 3: keep high frequencies, divide low ones by factor, interpolate smoothly between.
            double oldContext = rope.originalMaxPositionEmbeddings();
            double lowFreqWavelength = oldContext / rope.lowFreqFactor();
            double highFreqWavelength = oldContext / rope.highFreqFactor();
            for (int i = 0; i < inv.length; i++) {
                double wavelength = 2 * Math.PI / inv[i];
                if (wavelength > lowFreqWavelength) {
                    inv[i] = (float) (inv[i] / rope.factor());
                } else if (wavelength >= highFreqWavelength) {
                    double smooth = (oldContext / wavelength - rope.lowFreqFactor())
                            / (rope.highFreqFactor() - rope.lowFreqFactor());
                    inv[i] = (float) ((1 - smooth) * inv[i] / rope.factor() + smooth * inv[i]);
                }
            }
        }
        return inv;
    }

    int positions() {
        return positions;
    }

    /** cos and sin for each position id: two arrays [B, T, headDim] on the manager of {@code positionIds}. */
    NDList lookup(NDArray positionIds) {
        NDArray c = Embedding.embedding(positionIds, cos, SparseFormat.DENSE).singletonOrThrow();
        NDArray s = Embedding.embedding(positionIds, sin, SparseFormat.DENSE).singletonOrThrow();
        return new NDList(c, s);
    }

    /** Rotates {@code x} (last axis = head dim); cos and sin must broadcast against it. */
    static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        int last = x.getShape().dimension() - 1;   // DJL's split rejects axis -1
        NDList halves = x.split(2, last);
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
        return x.mul(cos).add(rotated.mul(sin));
    }
}
