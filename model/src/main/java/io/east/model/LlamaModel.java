package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import io.east.model.torch.NativeOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A decoder-only transformer in the Llama layout: token embedding, then per layer RMSNorm -> grouped-query
 * attention with rotary positions -> residual, RMSNorm -> SwiGLU MLP -> residual, then a final RMSNorm and the
 * language-model head (optionally tied to the embedding).
 *
 * <p>Precision: weights are stored in fp32 or bf16 and a forward pass computes in its own precision. With fp32
 * weights and bf16 compute (mixed precision for training) each weight is cast to bf16 where it is used, so
 * gradients reach the fp32 master weights through the cast. Whatever the compute precision, norms, softmax and the
 * loss reduce in fp32, as transformers does. Attention runs as libtorch's fused scaled dot-product attention where
 * the fused kernels are loaded ({@link NativeOps}), otherwise as the same computation from DJL ops.
 *
 * <p>Weights are plain NDArrays keyed by their transformers names ({@code model.layers.0.self_attn.q_proj.weight}
 * ...), so each line of {@link #forward} can be checked against {@code modeling_llama.py}. Every op takes an
 * activation as its first operand, so results land on the caller's per-step manager and never on the
 * long-lived manager that owns the weights.
 *
 * <p>Forward passes only read the weights, so several threads may sample from one model at once; a
 * {@code Trainer} updates them in place, so sample from a {@link #copy} (or a reloaded checkpoint) while
 * training.
 */
public final class LlamaModel implements AutoCloseable {

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final NDArray embedTokens;
    private final List<DecoderLayer> layers;
    private final NDArray norm;
    private final NDArray lmHead;
    private final RotaryEmbedding rope;
    private final Precision compute;
    private final boolean fused;
    /** 1 / sqrt(headDim) as a tensor the model owns: see {@link Losses#times}. */
    private final NDArray attentionScale;

    private record Attention(NDArray qProj, NDArray qBias, NDArray kProj, NDArray kBias, NDArray vProj,
                             NDArray vBias, NDArray oProj, NDArray oBias) {}

    private record Mlp(NDArray gateProj, NDArray gateBias, NDArray upProj, NDArray upBias, NDArray downProj,
                       NDArray downBias) {}

    private record DecoderLayer(NDArray inputLayernorm, Attention selfAttn, NDArray postAttentionLayernorm, Mlp mlp) {}

    /**
     * Takes ownership of {@code manager} and of the tensors on it.
     *
     * @param tensors transformers-named tensors, all fp32 or all bf16; {@code lm_head.weight} is ignored when tied
     * @param compute the precision forward passes compute in; bf16 weights compute in bf16
     */
    LlamaModel(LlamaConfig config, NDManager manager, Map<String, NDArray> tensors, Precision compute) {
        this(config, manager, tensors, compute, NativeOps.fusedModel());
    }

    private LlamaModel(LlamaConfig config, NDManager manager, Map<String, NDArray> tensors, Precision compute,
            boolean fused) {
        this.config = config;
        this.manager = manager;
        this.compute = compute;
        this.attentionScale = manager.create((float) (1.0 / Math.sqrt(config.headDim())));
        Map<String, Shape> expected = expectedShapes(config);
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(tensors.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("checkpoint lacks tensors " + missing);
        }
        Map<String, NDArray> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            NDArray array = tensors.get(e.getKey());
            if (!array.getShape().equals(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " has shape " + array.getShape() + ", config says " + e.getValue());
            }
            array.setName(e.getKey());
            ordered.put(e.getKey(), array);
        }
        this.parameters = Collections.unmodifiableMap(ordered);
        embedTokens = ordered.get("model.embed_tokens.weight");
        norm = ordered.get("model.norm.weight");
        lmHead = config.tieWordEmbeddings() ? embedTokens : ordered.get("lm_head.weight");
        List<DecoderLayer> built = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            built.add(new DecoderLayer(
                    ordered.get(p + "input_layernorm.weight"),
                    new Attention(ordered.get(p + "self_attn.q_proj.weight"), ordered.get(p + "self_attn.q_proj.bias"),
                            ordered.get(p + "self_attn.k_proj.weight"), ordered.get(p + "self_attn.k_proj.bias"),
                            ordered.get(p + "self_attn.v_proj.weight"), ordered.get(p + "self_attn.v_proj.bias"),
                            ordered.get(p + "self_attn.o_proj.weight"), ordered.get(p + "self_attn.o_proj.bias")),
                    ordered.get(p + "post_attention_layernorm.weight"),
                    new Mlp(ordered.get(p + "mlp.gate_proj.weight"), ordered.get(p + "mlp.gate_proj.bias"),
                            ordered.get(p + "mlp.up_proj.weight"), ordered.get(p + "mlp.up_proj.bias"),
                            ordered.get(p + "mlp.down_proj.weight"), ordered.get(p + "mlp.down_proj.bias"))));
        }
        layers = List.copyOf(built);
        rope = new RotaryEmbedding(config, manager);
        Precision stored = weightPrecision();
        if (stored == Precision.BF16 && compute != Precision.BF16) {
            throw new IllegalArgumentException("bf16 weights compute in bf16, not " + compute);
        }
        if ((stored == Precision.BF16 || compute == Precision.BF16) && !NativeOps.available()) {
            throw new IllegalStateException(BF16_NEEDS_SETUP);
        }
        if (fused && !NativeOps.available()) {
            throw new IllegalStateException("the fused kernels need 'east torch-setup'");
        }
        this.fused = fused;
    }

    /** Why bf16 is refused on DJL's bundled libtorch. */
    public static final String BF16_NEEDS_SETUP = "bf16 needs a libtorch set up by 'east torch-setup' (DJL's bundled "
            + "CPU libtorch has no bfloat16 type): run ./east torch-setup --python PY, with a Python that has torch";

    /** The transformers tensor names and shapes of this config, in the order modules run. */
    public static Map<String, Shape> expectedShapes(LlamaConfig c) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        long d = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long ff = c.intermediateSize();
        shapes.put("model.embed_tokens.weight", new Shape(c.vocabSize(), d));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new Shape(d));
            linear(shapes, p + "self_attn.q_proj", q, d, c.attentionBias());
            linear(shapes, p + "self_attn.k_proj", kv, d, c.attentionBias());
            linear(shapes, p + "self_attn.v_proj", kv, d, c.attentionBias());
            linear(shapes, p + "self_attn.o_proj", d, q, c.attentionBias());
            shapes.put(p + "post_attention_layernorm.weight", new Shape(d));
            linear(shapes, p + "mlp.gate_proj", ff, d, c.mlpBias());
            linear(shapes, p + "mlp.up_proj", ff, d, c.mlpBias());
            linear(shapes, p + "mlp.down_proj", d, ff, c.mlpBias());
        }
        shapes.put("model.norm.weight", new Shape(d));
        if (!c.tieWordEmbeddings()) {
            shapes.put("lm_head.weight", new Shape(c.vocabSize(), d));
        }
        return shapes;
    }

    private static void linear(Map<String, Shape> shapes, String name, long out, long in, boolean bias) {
        shapes.put(name + ".weight", new Shape(out, in));
        if (bias) {
            shapes.put(name + ".bias", new Shape(out));
        }
    }

    /**
     * A freshly initialised model, as transformers initialises one: normal(0, initializer_range) for
     * matrices, ones for norms, zeros for biases. Drawn from a seeded Java generator, so the same seed
     * gives the same weights on any engine or thread count.
     */
    public static LlamaModel random(LlamaConfig config, long seed) {
        return random(config, seed, Precision.FP32);
    }

    /** {@link #random(LlamaConfig, long)} with fp32 weights computing in {@code compute}. */
    public static LlamaModel random(LlamaConfig config, long seed, Precision compute) {
        return random(config, seed, compute, null);
    }

    /** The same weights on {@code device} (null: the engine's default), e.g. to compare a GPU with the CPU. */
    public static LlamaModel random(LlamaConfig config, long seed, Precision compute, ai.djl.Device device) {
        NDManager manager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        Random random = new Random(seed);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expectedShapes(config).entrySet()) {
            Shape shape = e.getValue();
            float[] values = new float[Math.toIntExact(shape.size())];
            if (e.getKey().endsWith("norm.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (e.getKey().endsWith(".weight")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * config.initializerRange());
                }
            }
            tensors.put(e.getKey(), manager.create(values, shape));
        }
        return new LlamaModel(config, manager, tensors, compute);
    }

    /**
     * A freshly initialised model drawn by libtorch's generator on the engine's default device (normal(0,
     * initializer_range) matrices, unit norms, zero biases): seconds instead of minutes for a billion parameters, but
     * not the same weights on another engine. For benchmarks.
     */
    public static LlamaModel randomOnDevice(LlamaConfig config, long seed, Precision compute) {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        NDManager manager = NDManager.newBaseManager();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        Autograd.withoutGradients(() -> {
            for (Map.Entry<String, Shape> e : expectedShapes(config).entrySet()) {
                String name = e.getKey();
                NDArray t = name.endsWith("norm.weight") ? manager.ones(e.getValue())
                        : name.endsWith(".weight") ? manager.randomNormal(0, (float) config.initializerRange(),
                                e.getValue(), DataType.FLOAT32)
                        : manager.zeros(e.getValue());
                tensors.put(name, t);
            }
        });
        return new LlamaModel(config, manager, tensors, compute);
    }

    /** An independent copy (its own manager), e.g. the frozen DPO / KTO reference. */
    public LlamaModel copy() {
        return copy(fused);
    }

    /** A copy whose attention runs fused or from DJL ops, whatever this model does: the two are compared in tests. */
    LlamaModel copy(boolean fused) {
        NDManager target = NDManager.newBaseManager();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        Autograd.withoutGradients(() -> parameters.forEach((name, p) -> {
            NDArray duplicate = p.duplicate();
            duplicate.attach(target);
            tensors.put(name, duplicate);
        }));
        return new LlamaModel(config, target, tensors, compute, fused);
    }

    public LlamaConfig config() {
        return config;
    }

    /** What the weights are stored in. */
    public Precision weightPrecision() {
        return embedTokens.getDataType() == DataType.BFLOAT16 ? Precision.BF16 : Precision.FP32;
    }

    /** What forward passes compute in. */
    public Precision computePrecision() {
        return compute;
    }

    /** Whether attention and SiLU run as libtorch's fused kernels. */
    public boolean fusedKernels() {
        return fused;
    }

    /** Trainable tensors by transformers name; a tied head appears once, as the embedding. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public long parameterCount() {
        return parameters.values().stream().mapToLong(NDArray::size).sum();
    }

    /** Longest sequence the rotary tables cover. */
    public int maxPositions() {
        return rope.positions();
    }

    /** Marks every weight as needing a gradient (or not: a frozen reference). */
    public void setTrainable(boolean trainable) {
        parameters.values().forEach(p -> p.setRequiresGradient(trainable));
    }

    /** Arrays alive under this model's manager, its sub-managers included: a leak shows up here. */
    public int liveArrayCount() {
        return manager.getManagedArrays().size();
    }

    /** A manager for one step's arrays; close it when the step ends. */
    public NDManager newSubManager() {
        return manager.newSubManager();
    }

    /**
     * Logits for every position.
     *
     * @param inputIds [B, T] int64, on the step's manager (results follow it)
     * @param positionIds [B, T] int64 rotary positions
     * @param mask additive fp32 attention mask from {@link AttentionMask}, [B, 1, 1, T, past + T]; null for plain
     *     causal attention over these T positions (no cache, every key valid: right-padded training batches)
     * @param cache null, or the cache holding the past positions; it is extended by T
     * @return [B, T, vocab] in the compute precision
     */
    public NDArray forward(NDArray inputIds, NDArray positionIds, NDArray mask, KvCache cache) {
        return head(hiddenStates(inputIds, positionIds, mask, cache));
    }

    /** Logits of the last position only [B, vocab]: generation needs no more, and the head is the widest matmul. */
    public NDArray forwardLast(NDArray inputIds, NDArray positionIds, NDArray mask, KvCache cache) {
        NDArray hidden = hiddenStates(inputIds, positionIds, mask, cache);
        return head(hidden.get(":, -1, :"));
    }

    private NDArray hiddenStates(NDArray inputIds, NDArray positionIds, NDArray mask, KvCache cache) {
        if (mask == null && cache != null) {
            throw new IllegalArgumentException("decoding with a cache needs an explicit mask");
        }
        NDManager step = inputIds.getManager();
        // The embedding is looked up in the stored table: only the rows used are cast, not the whole vocabulary.
        NDArray x = cast(Embedding.embedding(inputIds, embedTokens, SparseFormat.DENSE).singletonOrThrow());
        NDList cosSin = rope.lookup(positionIds);
        NDList rotary = new NDList(cast(cosSin.get(0)), cast(cosSin.get(1)));
        NDArray attentionMask = mask;
        if (mask == null && !fused) {
            long time = inputIds.getShape().get(1);
            attentionMask = AttentionMask.causal(step, 1, Math.toIntExact(time), 0);
        }
        for (int i = 0; i < layers.size(); i++) {
            DecoderLayer layer = layers.get(i);
            // A layer's intermediates are closed as it ends: autograd keeps what backward needs, and the rest is
            // freed now rather than when the step's manager closes, after the backward pass.
            try (NDScope scope = new NDScope()) {
                NDArray h = x.add(attention(i, layer.selfAttn(), rmsNorm(x, layer.inputLayernorm(), step), rotary,
                        attentionMask, cache, step));
                NDArray next = h.add(mlp(layer.mlp(), rmsNorm(h, layer.postAttentionLayernorm(), step), step));
                NDScope.unregister(next);
                x = next;
            }
        }
        if (cache != null) {
            cache.advance(Math.toIntExact(inputIds.getShape().get(1)));
        }
        return x;
    }

    private NDArray head(NDArray hidden) {
        NDManager step = hidden.getManager();
        return linear(rmsNorm(hidden, norm, step), weight(lmHead, step), null);
    }

    /** RMSNorm reduced in fp32 and scaled in the compute precision, as transformers' LlamaRMSNorm. */
    private NDArray rmsNorm(NDArray x, NDArray weight, NDManager step) {
        NDArray wide = NativeOps.cast(x, DataType.FLOAT32);
        NDArray variance = wide.square().mean(new int[] {-1}, true);
        return cast(wide.div(variance.add(config.rmsNormEps()).sqrt())).mul(weight(weight, step));
    }

    /**
     * Grouped-query attention. The fused kernel takes queries [B, heads, T, headDim] and keys/values [B, kvHeads,
     * S, headDim] and shares each key/value head with its group of query heads. From DJL ops, queries are viewed
     * as [B, kvHeads, group, T, headDim] and keys/values as [B, kvHeads, 1, S, headDim], so broadcasting matmul
     * does the same without copying (transformers' repeat_kv, with head h using kv head h / group); the softmax
     * runs in fp32.
     */
    private NDArray attention(int index, Attention w, NDArray x, NDList cosSin, NDArray mask, KvCache cache,
                              NDManager step) {
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        int heads = config.numAttentionHeads();
        int kvHeads = config.numKeyValueHeads();
        int headDim = config.headDim();
        NDArray q = linear(x, weight(w.qProj(), step), weight(w.qBias(), step)).reshape(batch, time, heads, headDim)
                .transpose(0, 2, 1, 3);
        NDArray k = linear(x, weight(w.kProj(), step), weight(w.kBias(), step)).reshape(batch, time, kvHeads, headDim)
                .transpose(0, 2, 1, 3);
        NDArray v = linear(x, weight(w.vProj(), step), weight(w.vBias(), step)).reshape(batch, time, kvHeads, headDim)
                .transpose(0, 2, 1, 3);

        NDArray cos = cosSin.get(0).reshape(batch, 1, time, headDim);
        NDArray sin = cosSin.get(1).reshape(batch, 1, time, headDim);
        q = RotaryEmbedding.apply(q, cos, sin);
        k = RotaryEmbedding.apply(k, cos, sin);
        if (cache != null) {
            NDList all = cache.append(index, k, v, step);
            k = all.get(0);
            v = all.get(1);
        }
        NDArray out;                                                        // [B, heads, T, headDim]
        if (fused) {
            NDArray fusedMask = mask == null ? null : NativeOps.cast(mask.squeeze(1), q.getDataType());
            out = NativeOps.attention(q, k, v, fusedMask, mask == null, 1.0 / Math.sqrt(headDim));
        } else {
            int group = config.kvGroupSize();
            NDArray grouped = q.reshape(batch, kvHeads, group, time, headDim);
            NDArray scores = NativeOps.cast(grouped.matMul(k.expandDims(2).transpose(0, 1, 2, 4, 3))
                    .mul(attentionScale), DataType.FLOAT32).add(mask);
            out = cast(scores.softmax(-1)).matMul(v.expandDims(2)).reshape(batch, heads, time, headDim);
        }
        out = out.transpose(0, 2, 1, 3).reshape(batch, time, (long) heads * headDim);
        return linear(out, weight(w.oProj(), step), weight(w.oBias(), step));
    }

    /** SwiGLU: down(silu(gate(x)) * up(x)). */
    private NDArray mlp(Mlp w, NDArray x, NDManager step) {
        NDArray gate = linear(x, weight(w.gateProj(), step), weight(w.gateBias(), step));
        NDArray activated = fused ? NativeOps.silu(gate) : gate.mul(Activation.sigmoid(gate));
        return linear(activated.mul(linear(x, weight(w.upProj(), step), weight(w.upBias(), step))),
                weight(w.downProj(), step), weight(w.downBias(), step));
    }

    /** An activation in the compute precision (no op when it already is). */
    private NDArray cast(NDArray activation) {
        return NativeOps.cast(activation, compute.dataType());
    }

    /**
     * A weight in the compute precision. A cast lands on the weight's manager, so it is moved to the step's; the
     * cast is differentiable, so mixed-precision gradients reach the stored weight.
     */
    private NDArray weight(NDArray stored, NDManager step) {
        if (stored == null || stored.getDataType() == compute.dataType()) {
            return stored;
        }
        NDArray cast = NativeOps.cast(stored, compute.dataType());
        cast.attach(step);
        return cast;
    }

    /** x W^T + b with the activation first, so the result lives on the activation's manager. */
    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
