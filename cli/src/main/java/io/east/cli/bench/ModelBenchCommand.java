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
@Command(name = "model", mixinStandardHelpOptions = true, sortOptions = false)
public final class ModelBenchCommand implements Callable<Integer> {

    @Option(names = "--train-steps", paramLabel = "S", defaultValue = "50") private int trainSteps;
    @Option(names = "--memory-steps", paramLabel = "S", defaultValue = "1000") private int memorySteps;
    @Option(names = "--trim-every", paramLabel = "S", defaultValue = "100") private int trimEvery;
    @Option(names = "--new-tokens", paramLabel = "N", defaultValue = "64") private int newTokens;
    @Option(names = "--python", paramLabel = "PYTHON") private Path python;

    @Option(names = "--torch-script", paramLabel = "FILE", defaultValue = "bench/torch_baseline.py")
    private Path torchScript;

    @Option(names = "--size", paramLabel = "NAME") private String size;
    @Option(names = "--config", paramLabel = "FILE") private Path config;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "8") private int batch;
    @Option(names = "--length", paramLabel = "T", defaultValue = "496") private int length;
    @Option(names = "--steps", paramLabel = "S", defaultValue = "20") private int steps;
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "10") private int warmup;
    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1") private int rounds;
    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto") private String device;
    @Mixin private PrecisionOption precision;

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
