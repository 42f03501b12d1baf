package io.east.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.east.model.Autograd;
import io.east.model.SafeTensors;
import io.east.model.torch.NativeOps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AdamW (Loshchilov and Hutter; PyTorch's torch.optim.AdamW update): decoupled weight decay on matrices only, never
 * on norm weights or biases (the rank-1 tensors), after clipping the global gradient norm over all parameters
 * together.
 *
 * <p>DJL's stock optimizer decays every parameter and its clipGrad clips each value, not the global norm, hence this
 * class. A step costs a fixed number of calls into libtorch, whatever the parameter count: with the fused kernels
 * ({@link NativeOps}), one pass for the norm and one fused update per decay group, as torch.optim.AdamW(fused=True);
 * without them, the per-parameter norms are stacked and read once, and DJL's native Adam update (one call per
 * parameter) takes the clip factor as its gradient rescale. Moments live on this optimizer's manager; each step's
 * temporaries live on a sub-manager closed at the end of the step.
 */
public final class AdamW implements AutoCloseable {

    public static final String FILE = "optimizer.safetensors";
    /** Beside the moments when the model file holds rounded (bf16) weights: the fp32 weights training resumes from. */
    static final String MASTER_SUFFIX = ".master";
    private static final Logger LOG = LoggerFactory.getLogger(AdamW.class);

    /**
     * @param maxGradNorm the global L2 norm gradients are clipped to; 0 or less turns clipping off
     */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay, double maxGradNorm) {
        public static Settings defaults() {
            return new Settings(0.9, 0.999, 1e-8, 0.0, 1.0);
        }

        public Settings withWeightDecay(double decay) {
            return new Settings(beta1, beta2, epsilon, decay, maxGradNorm);
        }

        public Settings withMaxGradNorm(double norm) {
            return new Settings(beta1, beta2, epsilon, weightDecay, norm);
        }
    }

    private final Map<String, NDArray> parameters;
    private final Settings settings;
    private final NDManager manager;
    private final boolean fused;
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private NDArray stepTensor;
    private long step;

    /**
     * @param parameters the trainable fp32 tensors by name (e.g. {@code LlamaModel.parameters()})
     * @param parent the moments go on a sub-manager of it
     */
    public AdamW(Map<String, NDArray> parameters, Settings settings, NDManager parent) {
        this(parameters, settings, parent, NativeOps.fusedKernels());
    }

    /** With the fused kernels or without; tests compare the two. */
    AdamW(Map<String, NDArray> parameters, Settings settings, NDManager parent, boolean fused) {
        if (fused && !NativeOps.available()) {
            throw new IllegalStateException("the fused AdamW needs the kernels of 'east torch-setup'");
        }
        this.parameters = parameters;
        this.settings = settings;
        this.manager = parent.newSubManager();
        this.fused = fused;
        parameters.forEach((name, p) -> {
            if (p.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("AdamW keeps fp32 master weights; " + name + " is " + p.getDataType());
            }
            expAvg.put(name, manager.zeros(p.getShape()));
            expAvgSq.put(name, manager.zeros(p.getShape()));
        });
    }

    /** Matrices decay; rank-1 tensors (RMSNorm weights, biases) do not, as in transformers' Trainer. */
    public static boolean decays(NDArray parameter) {
        return parameter.getShape().dimension() >= 2;
    }

    /** Updates made so far (restored by {@link #load}). */
    public long stepCount() {
        return step;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Readies the parameters for the next backward pass: with the fused kernels their gradients are dropped (set to
     * none, so their memory is free during the forward pass), otherwise zeroed.
     */
    public void clearGradients() {
        if (fused) {
            NativeOps.clearGradients(parameters.values());
        } else {
            Autograd.zeroGradients(parameters.values());
        }
    }

    /** Whether steps run libtorch's fused kernels. */
    public boolean fused() {
        return fused;
    }

    /**
     * Clips the gradients, then applies one update with {@code learningRate}.
     *
     * @return the global gradient norm before clipping; NaN or infinite means the update was skipped
     */
    public double step(double learningRate) {
        return Autograd.withoutGradients(() -> {
            try (NDManager temp = manager.newSubManager()) {
                Map<String, NDArray> gradients = gradients(temp);
                double norm = fused ? NativeOps.clipGradientNorm(gradients.values(), settings.maxGradNorm())
                        : globalNorm(gradients.values());
                if (!Double.isFinite(norm)) {
                    LOG.warn("gradient norm is {}: update skipped", norm);
                    return norm;
                }
                step++;
                if (fused) {
                    fusedUpdate(gradients, learningRate);
                } else {
                    double maxNorm = settings.maxGradNorm();
                    perParameterUpdate(gradients, learningRate, maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1);
                }
                return norm;
            }
        });
    }

    private void fusedUpdate(Map<String, NDArray> gradients, double learningRate) {
        if (stepTensor == null) {
            stepTensor = manager.create((float) step);
        } else {
            stepTensor.addi(1f);     // on the device: no copy from the host each step
        }
        for (boolean decaying : new boolean[] {true, false}) {
            List<NDArray> p = new ArrayList<>();
            List<NDArray> g = new ArrayList<>();
            List<NDArray> m = new ArrayList<>();
            List<NDArray> v = new ArrayList<>();
            parameters.forEach((name, parameter) -> {
                if (decays(parameter) == decaying) {
                    p.add(parameter);
                    g.add(gradients.get(name));
                    m.add(expAvg.get(name));
                    v.add(expAvgSq.get(name));
                }
            });
            if (!p.isEmpty()) {
                NativeOps.adamW(p, g, m, v, stepTensor, learningRate, settings.beta1(), settings.beta2(),
                        settings.epsilon(), decaying ? settings.weightDecay() : 0);
            }
        }
    }

    /**
     * DJL's native update computes {@code p -= lrc * m / (sqrt(v) + eps')}; with {@code lrc = lr * sqrt(c2) / c1}
     * and {@code eps' = eps * sqrt(c2)} that is exactly PyTorch's {@code p -= lr / c1 * m / (sqrt(v / c2) + eps)}.
     */
    private void perParameterUpdate(Map<String, NDArray> gradients, double learningRate, double rescale) {
        double correction1 = 1 - Math.pow(settings.beta1(), step);
        double root2 = Math.sqrt(1 - Math.pow(settings.beta2(), step));
        float corrected = (float) (learningRate * root2 / correction1);
        float epsilon = (float) (settings.epsilon() * root2);
        parameters.forEach((name, p) -> JniUtils.adamUpdate((PtNDArray) p, (PtNDArray) gradients.get(name),
                (PtNDArray) expAvg.get(name), (PtNDArray) expAvgSq.get(name), (float) learningRate, corrected,
                decays(p) ? (float) settings.weightDecay() : 0f, (float) rescale, -1f, (float) settings.beta1(),
                (float) settings.beta2(), epsilon, true));
    }

    /**
     * Scales all gradients by one factor so that their global L2 norm is at most {@code maxNorm} (as
     * torch.nn.utils.clip_grad_norm_ does, factor maxNorm / (norm + 1e-6)); returns the norm before.
     */
    public double clipGradients(double maxNorm) {
        try (NDManager temp = manager.newSubManager()) {
            return Autograd.withoutGradients(() -> {
                Map<String, NDArray> gradients = gradients(temp);
                if (fused) {
                    return NativeOps.clipGradientNorm(gradients.values(), maxNorm);
                }
                double norm = globalNorm(gradients.values());
                if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
                    double factor = maxNorm / (norm + 1e-6);
                    gradients.values().forEach(g -> g.muli(factor));
                }
                return norm;
            });
        }
    }

    private Map<String, NDArray> gradients(NDManager temp) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        // getGradient() makes a new handle on the parameter's manager each call: own it here.
        parameters.forEach((name, p) -> out.put(name, onto(temp, p.getGradient())));
        return out;
    }

    /** The norms of all gradients stacked on the device and read back once. */
    private static double globalNorm(Collection<NDArray> gradients) {
        NDList norms = new NDList(gradients.size());
        gradients.forEach(g -> norms.add(g.norm()));
        return NDArrays.stack(norms).norm().getFloat();
    }

    private static NDArray onto(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    /** Writes the moments ({@code NAME.exp_avg}, {@code NAME.exp_avg_sq}) and the step count. */
    public void save(Path file) throws IOException {
        save(file, false);
    }

    /**
     * Writes the moments and the step count, and with {@code withMasterWeights} the fp32 weights too ({@code
     * NAME.master}): a checkpoint whose model file holds rounded (bf16) weights then resumes exactly.
     */
    public void save(Path file, boolean withMasterWeights) throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            tensors.put(name + ".exp_avg", expAvg.get(name));
            tensors.put(name + ".exp_avg_sq", expAvgSq.get(name));
            if (withMasterWeights) {
                tensors.put(name + MASTER_SUFFIX, p);
            }
        });
        SafeTensors.write(file, tensors, Map.of("format", "pt", "optimizer", "AdamW", "step", Long.toString(step)));
    }

    /**
     * Restores what {@link #save} wrote, for the same parameter names and shapes; fp32 master weights, where the file
     * has them, replace the weights the model was loaded with.
     */
    public void load(Path file) throws IOException {
        Map<String, NDArray> tensors = SafeTensors.read(file, manager);
        long savedStep = Long.parseLong(SafeTensors.readMetadata(file).getOrDefault("step", "0"));
        boolean master = tensors.keySet().stream().anyMatch(k -> k.endsWith(MASTER_SUFFIX));
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            String name = e.getKey();
            replace(expAvg, name, tensors.remove(name + ".exp_avg"));
            replace(expAvgSq, name, tensors.remove(name + ".exp_avg_sq"));
            if (master) {
                NDArray saved = tensors.remove(name + MASTER_SUFFIX);
                if (saved == null || !saved.getShape().equals(e.getValue().getShape())) {
                    throw new IOException(file + ": no fp32 master weight that fits parameter " + name);
                }
                SafeTensors.withHostBytes(saved, bytes -> e.getValue().set(bytes));
                saved.close();
            }
        }
        tensors.values().forEach(NDArray::close);
        step = savedStep;
        stepTensor = null;
        LOG.atInfo().addKeyValue("step", step).addKeyValue("master_weights", master)
                .log("restored AdamW state from {}", file);
    }

    private void replace(Map<String, NDArray> moments, String name, NDArray loaded) throws IOException {
        NDArray current = moments.get(name);
        if (loaded == null || !loaded.getShape().equals(current.getShape())) {
            throw new IOException("optimizer state does not fit parameter " + name);
        }
        current.close();
        moments.put(name, loaded);
    }

    @Override
    public void close() {
        manager.close();
    }
}
