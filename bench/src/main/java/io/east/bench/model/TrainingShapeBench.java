package io.east.bench.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.NativeMemory;
import io.east.model.Precision;
import io.east.model.TextTokenizer;
import io.east.model.Tokenizers;
import io.east.model.torch.LibTorchSetup;
import io.east.model.torch.NativeOps;
import io.east.model.train.LearningRateSchedule;
import io.east.model.train.LossKind;
import io.east.model.train.StepResult;
import io.east.model.train.Trainer;
import io.east.model.train.TrainerSettings;
import io.east.model.train.TrainingExample;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Training speed and memory of one model shape at one batch shape, on the engine's default device (a GPU when the
 * libtorch set up by torch-setup sees one): the trainer's real step (tokenise, forward, weighted SFT loss, backward,
 * clip, AdamW) on batches whose every row is exactly {@code length} tokens, so that positions/s compares with
 * PyTorch on the same shapes. Prints; asserts nothing.
 */
public final class TrainingShapeBench {

    /** Shapes worth naming: the 0.19B Llama the GPU goals are stated on, Llama-3.2-1B's, and the CPU bench's two. */
    public static final Map<String, LlamaConfig> SIZES = Map.of(
            "0.19b", LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 1024, 16, 16, 8, 2816, 1024)
                    .withTiedWordEmbeddings(false),
            "llama-3.2-1b", llama32OneB(),
            "tiny", LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 128, 4, 4, 2, 384, 512),
            "small", LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 256, 6, 8, 4, 768, 512));

    /**
     * @param warmupSteps untimed steps first (libtorch picks its kernels, the JIT compiles)
     * @param optimizerSteps optimizer-only updates timed after the steps: the step's fixed cost
     */
    public record Options(String name, LlamaConfig config, int batch, int length, Precision precision,
            int warmupSteps, int steps, int optimizerSteps) {
        public Options {
            if (batch < 1 || length < 4 || steps < 1 || warmupSteps < 0 || optimizerSteps < 0) {
                throw new IllegalArgumentException("batch >= 1, length >= 4, steps >= 1 and warm-up >= 0 expected");
            }
            if (length > config.maxPositionEmbeddings()) {
                throw new IllegalArgumentException("length " + length + " exceeds the model's "
                        + config.maxPositionEmbeddings() + " positions");
            }
        }
    }

    /**
     * @param peakBytes the device's peak allocated bytes over the run (weights included); -1 where unknown (the CPU)
     * @param optimizerMillis one clip + AdamW update alone
     */
    public record Figures(String device, long parameters, double positionsPerSecond, double millisPerStep,
            double optimizerMillis, long peakBytes, double loss) {}

    private TrainingShapeBench() {}

    public static Figures run(PrintStream out, Options o) throws IOException {
        NativeMemory.reuseFreedMemory();
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        int deviceId = Math.max(0, device.getDeviceId());
        out.printf(Locale.ROOT, "libtorch: %s; device %s; fused kernels %s%n", LibTorchSetup.describeLoaded(), device,
                NativeOps.fusedKernels() ? "yes" : "no");
        if (NativeOps.available()) {
            NativeOps.resetPeak(deviceId);
        }
        try (TextTokenizer tokenizer = Tokenizers.loadCharacterLevel();
             LlamaModel model = LlamaModel.randomOnDevice(o.config(), 1, o.precision());
             Trainer trainer = new Trainer(model, null, tokenizer, TrainerSettings.defaults(LossKind.SFT,
                     LearningRateSchedule.constant(1e-5, 0)).withMaxSequenceLength(o.length()))) {
            Random random = new Random(7);
            for (int i = 0; i < o.warmupSteps(); i++) {
                trainer.step(batch(random, o.batch(), o.length()));
            }
            long positions = 0;
            double loss = Double.NaN;
            long start = System.nanoTime();
            for (int i = 0; i < o.steps(); i++) {
                StepResult r = trainer.step(batch(random, o.batch(), o.length()));   // reads the loss: synchronised
                positions += r.positions();
                loss = r.loss();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double optimizerMillis = optimizerMillis(trainer, o.optimizerSteps(), deviceId);
            long peak = NativeOps.available() ? NativeOps.peakAllocated(deviceId) : -1;
            Figures f = new Figures(device.toString(), model.parameterCount(), positions / seconds,
                    1000 * seconds / o.steps(), optimizerMillis, peak, loss);
            out.printf(Locale.ROOT, "shape %s params=%,d batch %d x %d %s on %s: %,.0f positions/s %.1f ms/step, "
                            + "optimizer %.1f ms/step (%s), peak memory %s (loss %.3f)%n", o.name(), f.parameters(),
                    o.batch(), o.length(), o.precision(), f.device(), f.positionsPerSecond(), f.millisPerStep(),
                    f.optimizerMillis(), trainer.optimizer().fused() ? "fused" : "per parameter",
                    peak < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f GiB", peak / (double) (1L << 30)), loss);
            return f;
        }
    }

    private static double optimizerMillis(Trainer trainer, int steps, int deviceId) {
        if (steps < 1) {
            return Double.NaN;
        }
        // The gradients of the last step are still in place: each update clips and applies them again.
        synchronize(deviceId);
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            trainer.optimizer().step(1e-5);
        }
        synchronize(deviceId);
        return (System.nanoTime() - start) / 1e6 / steps;
    }

    private static void synchronize(int deviceId) {
        if (NativeOps.available()) {
            NativeOps.synchronizeDevice(deviceId);
        }
    }

    /** Rows of exactly {@code length} character-level tokens: begin token, prompt, response, end token. */
    static List<TrainingExample> batch(Random random, int rows, int length) {
        List<TrainingExample> out = new ArrayList<>(rows);
        int promptChars = Math.max(1, Math.min(64, (length - 2) / 4));
        for (int r = 0; r < rows; r++) {
            out.add(TrainingExample.sft(text(random, promptChars), text(random, length - 2 - promptChars),
                    0.5 + random.nextDouble()));
        }
        return out;
    }

    private static String text(Random random, int chars) {
        String alphabet = "0123456789+-=*/ abcdefghijklmnopqrstuvwxyz.\n";
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Llama-3.2-1B's shape: hidden 2048, 16 layers, 32/8 heads, ff 8192, vocabulary 128,256, tied, Llama 3 RoPE. */
    private static LlamaConfig llama32OneB() {
        return new LlamaConfig(128256, 2048, 8192, 16, 32, 8, 64, 131072, 1e-5,
                new LlamaConfig.Rope("llama3", 500000, 32, 1, 4, 8192), true, false, false, 0.02,
                Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID);
    }
}
