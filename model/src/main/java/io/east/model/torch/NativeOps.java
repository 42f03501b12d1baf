package io.east.model.torch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fused libtorch kernels that DJL's API lacks, from the library torch-setup builds beside DJL's JNI (see
 * east_torch_ops.cc). Present only when a setup is active; callers check {@link #available()} and otherwise
 * compose the same computation from DJL ops.
 */
public final class NativeOps {

    private static final Logger LOG = LoggerFactory.getLogger(NativeOps.class);
    private static final boolean AVAILABLE = load();

    private NativeOps() {}

    /** Whether the fused kernels are loaded (a torch-setup libtorch is active and its kernels match it). */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Whether attention and AdamW should use the fused kernels: when they are loaded, unless the JVM runs with
     * {@code -Deast.fused=false}, a diagnostic switch that measures what they bring (casts to bf16 still use them).
     */
    public static boolean fusedKernels() {
        return AVAILABLE && !"false".equalsIgnoreCase(System.getProperty("east.fused"));
    }

    /** {@link #fusedKernels()} for the model's kernels (attention, SiLU) alone: {@code -Deast.fused-model=false}. */
    public static boolean fusedModel() {
        return fusedKernels() && !"false".equalsIgnoreCase(System.getProperty("east.fused-model"));
    }

    private static boolean load() {
        String path = System.getProperty(LibTorchSetup.OPS_PROPERTY);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            return false;
        }
        String engineVersion = Engine.getEngine("PyTorch").getVersion();  // loads libtorch first
        try {
            System.load(path);
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("cannot load the fused kernels {} ({}); falling back to DJL ops: run 'east torch-setup' again",
                    path, e.getMessage());
            return false;
        }
        String built = builtFor();
        if (!engineVersion.startsWith(built + ".")) {
            LOG.warn("the fused kernels {} were built for PyTorch {} but {} is loaded; falling back to DJL ops: run "
                    + "'east torch-setup' again", path, built, engineVersion);
            return false;
        }
        LOG.debug("fused kernels loaded from {} (PyTorch {})", path, engineVersion);
        return true;
    }

    /**
     * {@code array} as fp32 or bf16, differentiable (DJL's {@code toType} records no gradient); the array itself when
     * it already is. The result lands on the array's manager.
     */
    public static NDArray cast(NDArray array, DataType type) {
        if (array.getDataType() == type) {
            return array;
        }
        if (type != DataType.FLOAT32 && type != DataType.BFLOAT16) {
            throw new IllegalArgumentException("casts go to float32 or bfloat16, not " + type);
        }
        if (!AVAILABLE) {
            throw new IllegalStateException("a cast from " + array.getDataType() + " to " + type + " needs the kernels "
                    + "of 'east torch-setup'");
        }
        return new PtNDArray((PtNDManager) array.getManager(), cast(handle(array), type == DataType.BFLOAT16));
    }

    /**
     * softmax(q k^T * scale + mask) v, differentiable. q [B, H, T, D]; k, v [B, KVH, S, D] with KVH dividing H; mask
     * null, or additive in q's dtype (or boolean) and broadcastable to [B, H, T, S]. The result lands on q's manager.
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, boolean causal, double scale) {
        long handle = scaledDotProductAttention(handle(q), handle(k), handle(v), mask == null ? 0 : handle(mask),
                causal, scale);
        return new PtNDArray((PtNDManager) q.getManager(), handle);
    }

    /** x * sigmoid(x) in one kernel, differentiable; on x's manager. */
    public static NDArray silu(NDArray x) {
        return new PtNDArray((PtNDManager) x.getManager(), silu(handle(x)));
    }

    /** Drops the parameters' gradients (set to none): the next backward pass allocates fresh ones. */
    public static void clearGradients(Collection<NDArray> params) {
        clearGradients(handles(params));
    }

    /** The global L2 norm of {@code gradients}, which are scaled in place to {@code maxNorm} when above it (> 0). */
    public static double clipGradientNorm(Collection<NDArray> gradients, double maxNorm) {
        return clipGradNorm(handles(gradients), maxNorm);
    }

    /** One fused AdamW update of same-device float32 tensors; {@code step} is a float32 scalar on that device. */
    public static void adamW(Collection<NDArray> params, Collection<NDArray> grads, Collection<NDArray> expAvg,
            Collection<NDArray> expAvgSq, NDArray step, double lr, double beta1, double beta2, double eps,
            double weightDecay) {
        adamW(handles(params), handles(grads), handles(expAvg), handles(expAvgSq), handle(step), lr, beta1, beta2,
                eps, weightDecay);
    }

    /** The accelerator's peak allocated bytes since the last reset; -1 on the CPU or where libtorch keeps none. */
    public static long peakAllocated(int device) {
        try {
            return peakAllocatedBytes(device);
        } catch (IllegalStateException e) {
            LOG.debug("no peak memory statistic: {}", e.getMessage());
            return -1;
        }
    }

    public static void resetPeak(int device) {
        try {
            resetPeakAllocated(device);
        } catch (IllegalStateException e) {
            LOG.debug("cannot reset the peak memory statistic: {}", e.getMessage());
        }
    }

    /** Blocks until the accelerator has run everything queued; nothing on the CPU. */
    public static void synchronizeDevice(int device) {
        synchronize(device);
    }

    private static long handle(NDArray array) {
        return ((PtNDArray) array).getHandle();
    }

    private static long[] handles(Collection<NDArray> arrays) {
        return arrays.stream().mapToLong(NativeOps::handle).toArray();
    }

    static native String builtFor();

    private static native long cast(long handle, boolean bf16);

    private static native long scaledDotProductAttention(long q, long k, long v, long mask, boolean causal,
            double scale);

    private static native double clipGradNorm(long[] grads, double maxNorm);

    private static native long silu(long handle);

    private static native void clearGradients(long[] params);

    private static native void adamW(long[] params, long[] grads, long[] expAvgs, long[] expAvgSqs, long step,
            double lr, double beta1, double beta2, double eps, double weightDecay);

    private static native long peakAllocatedBytes(int device);

    private static native void resetPeakAllocated(int device);

    private static native void synchronize(int device);
}
