package io.east.bench.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.NativeMemory;
import io.east.model.Precision;
import io.east.model.TextTokenizer;
import io.east.model.Tokenizers;
import io.east.model.torch.LibTorchSetup;
import io.east.model.train.LearningRateSchedule;
import io.east.model.train.LossKind;
import io.east.model.train.Trainer;
import io.east.model.train.TrainerSettings;
import io.east.model.train.TrainingExample;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The same model, from the same Java-drawn weights, trained on the same batches on the GPU and on the CPU: the losses
 * must agree to float rounding, and so must the weights, measured against how far training moved them (AdamW divides
 * by the root of the squared gradients, so a rounding-level difference in a near-zero gradient can flip the sign of a
 * step; against the weights' own size that reads larger than it is). Also runs the GPU in bf16 mixed precision and
 * reports how far its losses stray from fp32. Prints; asserts nothing (the caller judges the figures).
 */
public final class DeviceAgreement {

    /**
     * @param lossDifference the largest |loss_gpu - loss_cpu| / loss_cpu over the steps (fp32 both)
     * @param weightDifference over all tensors, max |gpu - cpu| / max |cpu - initial| after the last step (fp32 both)
     * @param bf16LossGap the largest |loss_bf16 - loss_fp32| / loss_fp32 over the steps (GPU bf16 against CPU fp32)
     */
    public record Figures(double lossDifference, double weightDifference, double bf16LossGap, double firstLoss,
            double lastLoss) {}

    private DeviceAgreement() {}

    /**
     * @param save where the GPU-trained fp32 checkpoint goes (Hugging Face layout); null: nowhere
     * @return empty when the engine sees no GPU: the model is then trained (and saved) on the CPU only
     */
    public static java.util.Optional<Figures> run(PrintStream out, LlamaConfig config, int steps, int batch,
            Path save) throws IOException {
        NativeMemory.reuseFreedMemory();
        Engine engine = Engine.getEngine("PyTorch");
        try (TextTokenizer tokenizer = Tokenizers.loadCharacterLevel()) {
            List<List<TrainingExample>> batches = batches(steps, batch);
            if (engine.getGpuCount() == 0) {
                Run cpu = train(config, Precision.FP32, Device.cpu(), tokenizer, batches, save);
                out.printf(Locale.ROOT, "agreement: the engine sees no GPU with %s: nothing to compare (trained on "
                        + "the CPU only, loss %.4f -> %.4f)%n", LibTorchSetup.describeLoaded(), cpu.losses().get(0),
                        cpu.losses().get(steps - 1));
                return java.util.Optional.empty();
            }
            Run gpu = train(config, Precision.FP32, Device.gpu(), tokenizer, batches, save);
            Run cpu = train(config, Precision.FP32, Device.cpu(), tokenizer, batches, null);
            Run bf16 = train(config, Precision.BF16, Device.gpu(), tokenizer, batches, null);
            double worst = 0;
            for (Map.Entry<String, float[]> e : cpu.weights().entrySet()) {
                float[] c = e.getValue();
                float[] g = gpu.weights().get(e.getKey());
                float[] start = cpu.initial().get(e.getKey());
                double diff = 0;
                double moved = 0;
                for (int i = 0; i < c.length; i++) {
                    diff = Math.max(diff, Math.abs(g[i] - c[i]));
                    moved = Math.max(moved, Math.abs(c[i] - start[i]));
                }
                worst = Math.max(worst, moved == 0 ? diff : diff / moved);
            }
            Figures f = new Figures(largestGap(gpu.losses(), cpu.losses()), worst, largestGap(bf16.losses(),
                    cpu.losses()), cpu.losses().get(0), cpu.losses().get(steps - 1));
            out.printf(Locale.ROOT, "agreement: %d steps of batch %d, %,d parameters, loss %.4f -> %.4f; GPU fp32 vs "
                            + "CPU fp32: largest relative loss difference %.2e, weight difference %.2e of how far "
                            + "training moved them; GPU bf16 vs CPU fp32: largest relative loss gap %.2e%n", steps,
                    batch, gpu.parameters(), f.firstLoss(), f.lastLoss(), f.lossDifference(), f.weightDifference(),
                    f.bf16LossGap());
            return java.util.Optional.of(f);
        }
    }

    private static double largestGap(List<Double> losses, List<Double> reference) {
        double gap = 0;
        for (int i = 0; i < reference.size(); i++) {
            gap = Math.max(gap, Math.abs(losses.get(i) - reference.get(i)) / reference.get(i));
        }
        return gap;
    }

    private record Run(List<Double> losses, Map<String, float[]> initial, Map<String, float[]> weights,
            long parameters) {}

    private static Run train(LlamaConfig config, Precision precision, Device device, TextTokenizer tokenizer,
            List<List<TrainingExample>> batches, Path save) throws IOException {
        try (LlamaModel model = LlamaModel.random(config, 17, precision, device);
             Trainer trainer = new Trainer(model, null, tokenizer, TrainerSettings.defaults(LossKind.SFT,
                     LearningRateSchedule.constant(1e-3, 0)).withMaxSequenceLength(128))) {
            Map<String, float[]> initial = snapshot(model);
            List<Double> losses = new ArrayList<>();
            for (List<TrainingExample> b : batches) {
                losses.add(trainer.step(b).loss());
            }
            if (save != null) {
                trainer.save(save, null);
            }
            return new Run(losses, initial, snapshot(model), model.parameterCount());
        }
    }

    private static Map<String, float[]> snapshot(LlamaModel model) {
        Map<String, float[]> weights = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            weights.put(e.getKey(), e.getValue().toFloatArray());
        }
        return weights;
    }

    private static List<List<TrainingExample>> batches(int steps, int batch) {
        Random random = new Random(5);
        List<List<TrainingExample>> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            List<TrainingExample> b = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                b.add(ModelBench.problem(random));
            }
            out.add(b);
        }
        return out;
    }
}
