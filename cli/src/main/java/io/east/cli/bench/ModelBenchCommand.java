package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.PrecisionOption;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.Precision;
import io.east.bench.model.ModelBench;
import io.east.bench.model.TrainingShapeBench;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model module's bench, and in the same run PyTorch eager on the same shapes when a Python is given. */
@Command(name = "model", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the DJL model: training tokens/s for two sizes (tiny d=128 L=4, the demo's; small "
                + "d=256 L=6), sampling tokens/s with and without the KV cache, and resident memory at step 100 and "
                + "at the last step of a training loop that hands freed memory back every --trim-every steps, as "
                + "the trainer does after each checkpoint.",
            "With --python, then runs bench/torch_baseline.py (PyTorch eager, transformers' Llama, the same "
                    + "shapes and threads: sequences as long as DJL's mean padded width) with that interpreter and "
                    + "prints DJL / PyTorch positions/s per size; the interpreter needs torch and transformers (the "
                    + "build never does).",
            "With --size NAME or --config FILE: one model shape instead, trained at --batch x --length in "
                    + "--precision on the engine's device (a GPU when the libtorch of 'east torch-setup' sees one; "
                    + "--device gpu insists): positions/s, ms/step, the optimizer's ms/step and peak device memory; "
                    + "with --python, PyTorch eager on the same device and shapes (bf16: autocast), and the ratios.",
            "Set OMP_WAIT_POLICY=PASSIVE when other processes share the cores (./east does)."})
public final class ModelBenchCommand implements Callable<Integer> {

    /** What the issue asks of the DJL model against PyTorch eager, and of memory between step 100 and 1,000. */
    static final double SPEED_GOAL = 0.8;
    static final double MEMORY_GOAL_PERCENT = 10;

    private static final Pattern TRAIN_LINE =
            Pattern.compile("^train\\s+(.+?)\\s+params=\\S+\\s+batch=\\d+\\s+(\\d+(?:\\.\\d+)?) tokens/s");

    @Option(names = "--train-steps", paramLabel = "S", defaultValue = "50",
            description = "Timed training steps per size, after 10 warm-up steps (default: ${DEFAULT-VALUE}).")
    private int trainSteps;

    @Option(names = "--memory-steps", paramLabel = "S", defaultValue = "1000",
            description = "Steps of the memory run, >= 100 or 0 to skip it (default: ${DEFAULT-VALUE}).")
    private int memorySteps;

    @Option(names = "--trim-every", paramLabel = "S", defaultValue = "100",
            description = "The memory run hands freed pages back every S steps, 0 never (default: ${DEFAULT-VALUE}, "
                    + "the trainer's default --checkpoint-every).")
    private int trimEvery;

    @Option(names = "--new-tokens", paramLabel = "N", defaultValue = "64",
            description = "Tokens each prompt generates in the sampling runs (default: ${DEFAULT-VALUE}).")
    private int newTokens;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "A Python interpreter with torch and transformers: also measure PyTorch eager.")
    private Path python;

    @Option(names = "--torch-script", paramLabel = "FILE", defaultValue = "bench/torch_baseline.py",
            description = "The PyTorch baseline script (default: ${DEFAULT-VALUE}, from the repository root).")
    private Path torchScript;

    @Option(names = "--size", paramLabel = "NAME",
            description = "One named shape: 0.19b (hidden 1024, 16 layers, 16/8 heads, ff 2816), llama-3.2-1b "
                    + "(hidden 2048, 16 layers, 32/8 heads, ff 8192, vocabulary 128,256, tied) or tiny.")
    private String size;

    @Option(names = "--config", paramLabel = "FILE",
            description = "One shape from a Hugging Face Llama config.json (random weights).")
    private Path config;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8",
            description = "Rows per step in shape mode (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--length", paramLabel = "T", defaultValue = "496",
            description = "Tokens per row in shape mode (default: ${DEFAULT-VALUE}).")
    private int length;

    @Option(names = "--steps", paramLabel = "S", defaultValue = "20",
            description = "Timed steps in shape mode (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "10",
            description = "Untimed steps first in shape mode, on both sides (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
            description = "Shape mode with --python: DJL and PyTorch take turns R times; the median ratio is printed "
                    + "(default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Shape mode: gpu fails unless the engine sees a GPU; cpu unless it sees none "
                    + "(default: ${DEFAULT-VALUE}).")
    private String device;

    @Mixin
    private PrecisionOption precision;

    @Override
    public Integer call() throws Exception {
        if (size != null || config != null) {
            return shape();
        }
        if (memorySteps != 0 && memorySteps < 100) {
            throw new UsageException("--memory-steps must be 0 or >= 100 (memory is read at step 100), got "
                    + memorySteps);
        }
        if (python != null && !Files.isExecutable(python)) {
            throw new UsageException("--python: not an executable file: " + python);
        }
        if (python != null && !Files.isRegularFile(torchScript)) {
            throw new UsageException("--torch-script: no such file: " + torchScript
                    + " (run from the repository root or give the path)");
        }
        ModelBench.Options defaults = ModelBench.Options.defaults();
        ModelBench.Options options = Usage.check(() -> new ModelBench.Options(trainSteps, defaults.warmupSteps(),
                memorySteps, trimEvery, defaults.batchSize(), defaults.sampleBatch(), newTokens), "");
        ModelBench.Figures djl = ModelBench.run(System.out, options);
        System.out.flush();
        if (!Double.isNaN(djl.rssChangePercent())) {
            System.out.printf(Locale.ROOT, "memory: VmRSS %+.1f%% from step 100 to step %d (goal: within %.0f%%: %s);"
                            + " in use (after a trim) %+.1f%%%n", djl.rssChangePercent(), memorySteps,
                    MEMORY_GOAL_PERCENT, Math.abs(djl.rssChangePercent()) <= MEMORY_GOAL_PERCENT ? "met" : "not met",
                    djl.trimmedChangePercent());
        }
        if (python == null) {
            return ExitCodes.OK;
        }
        // Same shapes: PyTorch gets sequences of the mean width DJL's padded batches had, and both sides count every
        // position they computed (the tokens/s of a padded batch would charge DJL for its padding).
        int length = (int) Math.round(djl.training().values().stream()
                .mapToDouble(ModelBench.TrainingRate::meanWidth).filter(w -> !Double.isNaN(w)).average().orElse(94));
        Map<String, Double> torch = runBaseline(length);
        System.out.printf(Locale.ROOT, "training positions/s on equal shapes (batch %d x %d), DJL vs PyTorch eager "
                + "(goal: DJL >= %.1fx):%n", defaults.batchSize(), length, SPEED_GOAL);
        for (Map.Entry<String, ModelBench.TrainingRate> size : djl.training().entrySet()) {
            double positions = size.getValue().positionsPerSecond();
            Double reference = torch.get(size.getKey());
            if (reference == null) {
                System.out.printf(Locale.ROOT, "  %-30s DJL %,.0f  PyTorch: not reported%n", size.getKey(), positions);
                continue;
            }
            double ratio = positions / reference;
            System.out.printf(Locale.ROOT, "  %-30s DJL %,.0f  PyTorch %,.0f  %.2fx  %s%n", size.getKey(),
                    positions, reference, ratio, ratio >= SPEED_GOAL ? "goal met" : "below goal");
        }
        return ExitCodes.OK;
    }

    private int shape() throws Exception {
        if (size != null && config != null) {
            throw new UsageException("--size and --config contradict each other: give one");
        }
        LlamaConfig model;
        String name;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new UsageException("--config: no such file: " + config);
            }
            model = LlamaConfig.read(config);
            name = config.toString();
        } else {
            model = ModelSizes.named(size);
            name = size;
        }
        checkDevice();
        TrainingShapeBench.Options options = Usage.check(() -> new TrainingShapeBench.Options(name, model, batch,
                length, precision.precision(), warmup, steps, 5), "");
        Usage.atLeast(rounds, 1, "--rounds");
        Path configFile = Files.createTempFile("east-bench-config", ".json");
        try {
            model.write(configFile);
            List<Double> ratios = new ArrayList<>();
            // DJL and PyTorch take turns, so that a slow spell of the machine falls on both.
            for (int round = 1; round <= rounds; round++) {
                TrainingShapeBench.Figures djl = djlRound(options);
                if (python == null) {
                    continue;
                }
                ShapeRate torch = runShapeBaseline(baselineCommand(configFile, djl));
                double ratio = djl.positionsPerSecond() / torch.positionsPerSecond();
                ratios.add(ratio);
                System.out.printf(Locale.ROOT, "%s batch %d x %d %s, DJL / PyTorch eager%s%s: positions/s %,.0f / "
                                + "%,.0f = %.2fx; ms/step %.1f / %.1f; peak memory %s%n", name, batch, length,
                        precision.precision(), precision.precision() == Precision.BF16 ? " (autocast)" : "",
                        rounds > 1 ? " (round " + round + ")" : "", djl.positionsPerSecond(),
                        torch.positionsPerSecond(), ratio, djl.millisPerStep(), torch.millisPerStep(),
                        memoryRatio(djl.peakBytes(), torch.peakBytes()));
            }
            if (ratios.size() > 1) {
                List<Double> sorted = ratios.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "%s batch %d x %d %s, DJL / PyTorch eager over %d rounds: %s, median "
                                + "%.2fx%n", name, batch, length, precision.precision(), sorted.size(),
                        ratios.stream().map(r -> String.format(Locale.ROOT, "%.2fx", r)).toList(),
                        median(sorted));
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
        return ExitCodes.OK;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static TrainingShapeBench.Figures djlRound(TrainingShapeBench.Options options) throws IOException {
        try {
            TrainingShapeBench.Figures djl = TrainingShapeBench.run(System.out, options);
            System.out.flush();
            return djl;
        } catch (IllegalStateException e) {
            if (LlamaModel.BF16_NEEDS_SETUP.equals(e.getMessage())) {
                throw new UsageException("--precision bf16: " + e.getMessage());
            }
            throw e;
        }
    }

    private List<String> baselineCommand(Path configFile, TrainingShapeBench.Figures djl) {
        String torchDevice = djl.device().startsWith("gpu") ? "cuda" : "cpu";
        return List.of(python.toString(), torchScript.toString(), "shape", "--config", configFile.toString(),
                "--batch", String.valueOf(batch), "--length", String.valueOf(length), "--precision",
                precision.precision().toString(), "--device", torchDevice, "--warmup", String.valueOf(warmup),
                "--steps", String.valueOf(steps), "--threads",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    private void checkDevice() {
        String choice = device.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "cpu", "gpu").contains(choice)) {
            throw new UsageException("--device must be auto, cpu or gpu, got '" + device + "'");
        }
        int gpus = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount();
        if (choice.equals("gpu") && gpus == 0) {
            throw new UsageException("--device gpu: the engine sees no GPU with "
                    + io.east.model.torch.LibTorchSetup.describeLoaded() + "; set up a CUDA PyTorch with 'east "
                    + "torch-setup --python PY'");
        }
        if (choice.equals("cpu") && gpus > 0) {
            throw new UsageException("--device cpu: the engine sees " + gpus + " GPU(s); hide them with "
                    + "CUDA_VISIBLE_DEVICES=");
        }
    }

    private static String memoryRatio(long djl, long torch) {
        if (djl < 0 || torch < 0) {
            return "n/a (no device statistics on the CPU)";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f GiB = %.2fx", djl / (double) (1L << 30),
                torch / (double) (1L << 30), djl / (double) torch);
    }

    /** What the baseline's "shape" line says. */
    record ShapeRate(double positionsPerSecond, double millisPerStep, long peakBytes) {}

    private static final Pattern SHAPE_LINE = Pattern.compile(
            "^shape .*positions/s=(\\d+) ms/step=(\\d+(?:\\.\\d+)?) peak_bytes=(-?\\d+)");

    static ShapeRate shapeRate(String line) {
        Matcher m = SHAPE_LINE.matcher(line);
        return m.find() ? new ShapeRate(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3))) : null;
    }

    private static ShapeRate runShapeBaseline(List<String> command) throws IOException, InterruptedException {
        ShapeRate[] rate = new ShapeRate[1];
        runEchoing(command, line -> {
            ShapeRate parsed = shapeRate(line);
            rate[0] = parsed != null ? parsed : rate[0];
        });
        if (rate[0] == null) {
            throw new IllegalStateException("the PyTorch baseline " + String.join(" ", command)
                    + " printed no shape line");
        }
        return rate[0];
    }

    /** Runs the baseline as a child process, echoing its output; the training rates by size name. */
    private Map<String, Double> runBaseline(int length) throws IOException, InterruptedException {
        List<String> command = List.of(python.toString(), torchScript.toString(), "--threads",
                String.valueOf(Runtime.getRuntime().availableProcessors()), "--steps", String.valueOf(trainSteps),
                "--length", String.valueOf(length));
        Map<String, Double> rates = new LinkedHashMap<>();
        runEchoing(command, line -> rates.putAll(trainRate(line)));
        return rates;
    }

    /** Runs a baseline command, echoing each output line as "pytorch LINE" and handing it to {@code lines}. */
    private static void runEchoing(List<String> command, Consumer<String> lines)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("pytorch " + line);
                lines.accept(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the PyTorch baseline " + String.join(" ", command) + " exited with "
                    + exit);
        }
    }

    /** The size and tokens/s of a baseline "train" line; empty for any other line. */
    static Map<String, Double> trainRate(String line) {
        Matcher m = TRAIN_LINE.matcher(line);
        return m.find() ? Map.of(m.group(1).trim(), Double.parseDouble(m.group(2))) : Map.of();
    }
}
