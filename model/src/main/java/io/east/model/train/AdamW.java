package io.east.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.east.model.Autograd;
import io.east.model.SafeTensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AdamW written out (Loshchilov and Hutter; PyTorch's torch.optim.AdamW update): decoupled weight decay
 * on matrices only, never on norm weights or biases (the rank-1 tensors), after clipping the global
 * gradient norm over all parameters together.
 *
 * <p>DJL's stock optimizer decays every parameter and its clipGrad clips each value, not the global
 * norm, hence this class. Moments live on this optimizer's manager; each step's temporaries live on a
 * sub-manager closed at the end of the step.
 */
public final class AdamW implements AutoCloseable {

    public static final String FILE = "optimizer.safetensors";
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
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private long step;

    /**
     * @param parameters the trainable tensors by name (e.g. {@code LlamaModel.parameters()})
     * @param parent the moments go on a sub-manager of it
     */
    public AdamW(Map<String, NDArray> parameters, Settings settings, NDManager parent) {
        this.parameters = parameters;
        this.settings = settings;
        this.manager = parent.newSubManager();
        parameters.forEach((name, p) -> {
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
     * Clips the gradients, then applies one update with {@code learningRate}.
     *
     * @return the global gradient norm before clipping; NaN or infinite means the update was skipped
     */
    public double step(double learningRate) {
        return Autograd.withoutGradients(() -> {
            try (NDManager temp = manager.newSubManager()) {
                Map<String, NDArray> gradients = gradients(temp);
                double norm = clip(gradients, settings.maxGradNorm());
                if (!Double.isFinite(norm)) {
                    LOG.warn("gradient norm is {}: update skipped", norm);
                    return norm;
                }
                step++;
                double correction1 = 1 - Math.pow(settings.beta1(), step);
                double correction2 = 1 - Math.pow(settings.beta2(), step);
                for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                    NDArray p = e.getValue();
                    NDArray g = gradients.get(e.getKey());
                    NDArray m = expAvg.get(e.getKey());
                    NDArray v = expAvgSq.get(e.getKey());
                    if (settings.weightDecay() > 0 && decays(p)) {
                        p.muli(1 - learningRate * settings.weightDecay());
                    }
                    m.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
                    v.muli(settings.beta2()).addi(g.square().mul(1 - settings.beta2()));
                    // v.sqrt() and m.div(..) would land on the moments' manager: move them to this step's.
                    NDArray denominator = onto(temp, v.sqrt()).div(Math.sqrt(correction2)).add(settings.epsilon());
                    p.subi(onto(temp, m.div(denominator)).mul(learningRate / correction1));
                }
                return norm;
            }
        });
    }

    /**
     * Scales all gradients by one factor so that their global L2 norm is at most {@code maxNorm} (as
     * torch.nn.utils.clip_grad_norm_ does, factor maxNorm / (norm + 1e-6)); returns the norm before.
     */
    public double clipGradients(double maxNorm) {
        try (NDManager temp = manager.newSubManager()) {
            return Autograd.withoutGradients(() -> clip(gradients(temp), maxNorm));
        }
    }

    private Map<String, NDArray> gradients(NDManager temp) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        // getGradient() makes a new handle on the parameter's manager each call: own it here.
        parameters.forEach((name, p) -> out.put(name, onto(temp, p.getGradient())));
        return out;
    }

    private static double clip(Map<String, NDArray> gradients, double maxNorm) {
        double sumOfSquares = 0;
        for (NDArray g : gradients.values()) {
            sumOfSquares += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sumOfSquares);
        if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
            double factor = maxNorm / (norm + 1e-6);
            gradients.values().forEach(g -> g.muli(factor));
        }
        return norm;
    }

    private static NDArray onto(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    /** Writes the moments ({@code NAME.exp_avg}, {@code NAME.exp_avg_sq}) and the step count. */
    public void save(Path file) throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        parameters.keySet().forEach(name -> {
            tensors.put(name + ".exp_avg", expAvg.get(name));
            tensors.put(name + ".exp_avg_sq", expAvgSq.get(name));
        });
        SafeTensors.write(file, tensors, Map.of("format", "pt", "optimizer", "AdamW", "step", Long.toString(step)));
    }

    /** Restores what {@link #save} wrote, for the same parameter names and shapes. */
    public void load(Path file) throws IOException {
        Map<String, NDArray> tensors = SafeTensors.read(file, manager);
        long savedStep = Long.parseLong(SafeTensors.readMetadata(file).getOrDefault("step", "0"));
        for (String name : parameters.keySet()) {
            replace(expAvg, name, tensors.remove(name + ".exp_avg"));
            replace(expAvgSq, name, tensors.remove(name + ".exp_avg_sq"));
        }
        tensors.values().forEach(NDArray::close);
        step = savedStep;
        LOG.info("restored AdamW state at step {} from {}", step, file);
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
