package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.PrecisionOption;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import ai.djl.engine.Engine;
import io.east.bench.model.ModelBench;
import io.east.bench.model.ModelComparison;
import io.east.bench.model.TorchBaseline;
import io.east.model.torch.LibTorchSetup;
import io.east.bench.model.TrainingShapeBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** 'east bench model': the bench module's model benches, against PyTorch eager on the same shapes with --python. */
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
        if (python != null && !Files.isExecutable(python)) {
            throw new UsageException("--python: not an executable file: " + python);
        }
        if (python != null && !Files.isRegularFile(torchScript)) {
            throw new UsageException("--torch-script: no such file: " + torchScript
                    + " (run from the repository root or give the path)");
        }
        TorchBaseline baseline = python == null ? null : new TorchBaseline(python, torchScript);
        if (size != null || config != null) {
            return shape(baseline);
        }
        if (memorySteps != 0 && memorySteps < 100) {
            throw new UsageException("--memory-steps must be 0 or >= 100 (memory is read at step 100), got "
                    + memorySteps);
        }
        ModelBench.Options defaults = ModelBench.Options.defaults();
        ModelBench.Options options = Usage.check(() -> new ModelBench.Options(trainSteps, defaults.warmupSteps(),
                memorySteps, trimEvery, defaults.batchSize(), defaults.sampleBatch(), newTokens), "");
        ModelComparison.sizes(System.out, options, baseline);
        return ExitCodes.OK;
    }

    private int shape(TorchBaseline baseline) throws Exception {
        if (size != null && config != null) {
            throw new UsageException("--size and --config contradict each other: give one");
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new UsageException("--config: no such file: " + config);
        }
        LlamaConfig model = config != null ? LlamaConfig.read(config) : ModelSizes.named(size);
        String name = config != null ? config.toString() : size;
        checkDevice();
        Usage.atLeast(rounds, 1, "--rounds");
        TrainingShapeBench.Options options = Usage.check(() -> new TrainingShapeBench.Options(name, model, batch,
                length, precision.precision(), warmup, steps, 5), "");
        try {
            ModelComparison.shape(System.out, options, rounds, baseline);
        } catch (IllegalStateException e) {
            if (LlamaModel.BF16_NEEDS_SETUP.equals(e.getMessage())) {
                throw new UsageException("--precision bf16: " + e.getMessage());
            }
            throw e;
        }
        return ExitCodes.OK;
    }

    private void checkDevice() {
        String choice = device.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "cpu", "gpu").contains(choice)) {
            throw new UsageException("--device must be auto, cpu or gpu, got '" + device + "'");
        }
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        if (choice.equals("gpu") && gpus == 0) {
            throw new UsageException("--device gpu: the engine sees no GPU with " + LibTorchSetup.describeLoaded()
                    + "; set up a CUDA PyTorch with 'east torch-setup --python PY'");
        }
        if (choice.equals("cpu") && gpus > 0) {
            throw new UsageException("--device cpu: the engine sees " + gpus + " GPU(s); hide them with "
                    + "CUDA_VISIBLE_DEVICES=");
        }
    }
}
