package io.east.cli.train;

import io.east.cli.common.Converters;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.InputFiles;
import io.east.formats.JsonOutput;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.PrecisionOption;
import io.east.cli.common.PromptTemplateOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.TrainingOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.Precision;
import io.east.model.train.LossKind;
import io.east.schemas.TrainMetrics;
import io.east.schemas.serde.RecordJson;
import io.east.trainer.DeviceChoice;
import io.east.trainer.InvalidSetupException;
import io.east.trainer.TrainerAppSettings;
import io.east.trainer.TrainerApp;
import io.east.trainer.TrainingListener;
import io.east.trainer.TrainingMeters;
import io.east.trainer.TrainingReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The trainer consumer: weighted examples in, checkpoints and model versions out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train the policy on WeightedExamples: batches, AdamW (no weight decay on norms and biases, global-norm "
                    + "gradient clipping), one TrainMetrics record per step on east.train-metrics (and as a JSON "
                    + "line on stdout).",
            "Every --checkpoint-every steps, and at the end, an atomic checkpoint DIR/vNNNNNN (Hugging Face layout, "
                    + "optimizer state, east-state.json with the step, the version and the consumed positions, "
                    + "trained-tasks.txt, skipped.jsonl), then a ModelVersion on east.model-versions keyed by the "
                    + "experiment or 'main'.",
            "On start: the newest checkpoint in --checkpoint-dir, else --init, and reading resumes at the positions "
                    + "it saved, so after a crash nothing is trained twice or skipped. The trainer assigns every "
                    + "partition itself (one trainer per experiment) and commits its positions under group "
                    + "east-trainer[-EXP] for lag monitoring only.",
            "--data FILE trains from a JSONL of WeightedExamples (as 'east tail east.weighted' prints them) without "
                    + "Kafka, with the same checkpoints; bad lines are reported as FILE:LINE: reason and skipped, and "
                    + "the exit code is then 1.",
            "Stops at --max-examples, at the end of --data, or on SIGTERM / Ctrl-C (after the step in progress, "
                    + "with a final checkpoint)."})
public final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);

    @Option(names = "--loss", paramLabel = "sft|dpo|kto", required = true,
            description = "The objective; DPO and KTO train against the --init model, frozen.")
    private String loss;

    @Option(names = "--init", paramLabel = "CKPT", required = true,
            description = "The checkpoint to start from when --checkpoint-dir has none (a Hugging Face Llama "
                    + "directory); always the DPO/KTO reference.")
    private Path init;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", required = true,
            description = "Where this run's checkpoints go, one vNNNNNN directory per model version.")
    private Path checkpointDir;

    @Option(names = "--topic", paramLabel = "T",
            description = "The topic of WeightedExamples (default: east.weighted, or east.weighted.EXP with --experiment).")
    private String topic;

    @Option(names = "--experiment", paramLabel = "EXP",
            description = "Train on an experiment's examples; its ModelVersions and TrainMetrics are keyed by EXP.")
    private String experiment;

    @Option(names = "--data", paramLabel = "F.jsonl",
            description = "Train from this JSONL file of WeightedExamples instead of Kafka.")
    private Path data;

    @Mixin
    private TrainingOptions training = TrainingOptions.withDefaults(16, 10);

    @Option(names = "--lr", paramLabel = "L", converter = Converters.FiniteDouble.class,
            description = "Peak learning rate (default: 2e-6 for sft, 2e-7 for dpo and kto, as the reference "
                    + "scripts for Llama-3.2-1B).")
    private Double learningRate;

    @Option(names = "--weight-decay", paramLabel = "D", defaultValue = "0", converter = Converters.FiniteDouble.class,
            description = "AdamW weight decay of matrices; norms and biases never decay (default: ${DEFAULT-VALUE}).")
    private double weightDecay;

    @Option(names = "--beta", paramLabel = "B", converter = Converters.FiniteDouble.class,
            description = "DPO / KTO temperature (default: 0.01 for dpo, 0.1 for kto).")
    private Double beta;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "0",
            description = "Prompt + response tokens per example (default: 512 or the model's positions, if fewer).")
    private int maxLength;

    @Option(names = "--checkpoint-every", paramLabel = "S", defaultValue = "100",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--max-examples", paramLabel = "N",
            description = "Stop, with a final checkpoint, once N examples have been trained on in total (a restart "
                    + "counts what its checkpoint had trained).")
    private Long maxExamples;

    @Option(names = "--max-staleness", paramLabel = "V",
            description = "Hold back examples whose policy_version lags the newest model version by more than V: "
                    + "they are consumed, counted (TrainMetrics.held_back) and listed in the next checkpoint's "
                    + "skipped.jsonl, never trained or regenerated (default: no limit).")
    private Long maxStaleness;

    @Option(names = "--device", paramLabel = "cpu|gpu",
            description = "Insist on a device; by default a GPU is used when the engine sees one. gpu fails when "
                    + "none is visible.")
    private String device;

    @Mixin
    private PrecisionOption precision;

    @Option(names = "--checkpoint-dtype", paramLabel = "fp32|bf16",
            description = "What checkpoints store the weights as (default: what --init stores). With bf16, "
                    + "optimizer.safetensors also keeps the fp32 weights, so a resume is exact.")
    private String checkpointDtype;

    @Mixin
    private PromptTemplateOptions prompt;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "10",
            description = "A progress log line every N steps (default: ${DEFAULT-VALUE}).")
    private int logEvery;

    @Mixin
    private MetricsOptions metricsOptions;

    @Mixin
    private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        TrainerAppSettings settings = settings();
        Map<String, Object> client = settings.fromFile() ? Map.of() : kafka.clientProperties();
        TrainingReport report;
        Optional<MetricsOptions.Served> served = metricsOptions.start("train");
        try (JsonOutput out = JsonOutput.to(System.out)) {
            TrainingListener printer = new TrainingListener() {
                @Override
                public void stepped(TrainMetrics metrics) {
                    out.writeRaw(RecordJson.toJson(metrics));
                    out.flush();
                }
            };
            TrainingListener observer = served.isEmpty() ? printer
                    : TrainingListener.both(printer, TrainingMeters.bind(served.get().metrics()));
            TrainerApp app;
            try {
                app = TrainerApp.open(settings, client, observer);
            } catch (InvalidSetupException e) {
                throw new UsageException(e.getMessage());
            }
            served.ifPresent(metrics -> app.bindMetrics(metrics.metrics()));
            try (app; StopOnSignal hook = StopOnSignal.install("east-train-shutdown", app::stop, app::awaitFinished,
                    SHUTDOWN_GRACE)) {
                report = app.run();
            }
        } finally {
            served.ifPresent(MetricsOptions.Served::close);
        }
        LOG.atInfo().addKeyValue("reason", report.stopReason()).addKeyValue("steps", report.steps())
                .addKeyValue("trained", report.trained()).addKeyValue("held_back", report.heldBack())
                .addKeyValue("invalid", report.invalid()).addKeyValue("examples_seen", report.examplesSeen())
                .addKeyValue("version", report.lastCheckpoint().version())
                .addKeyValue("checkpoint", report.lastCheckpoint().directory()).log("train finished");
        return report.invalid() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private TrainerAppSettings settings() {
        LossKind lossKind = parseLoss();
        if (data != null) {
            InputFiles.readable(data, "--data");
            if ("-".equals(data.toString())) {
                throw new UsageException("--data needs a file: resuming skips the lines a checkpoint consumed");
            }
            if (topic != null) {
                throw new UsageException("--data and --topic contradict each other");
            }
        }
        if (!Files.isDirectory(init)) {
            throw new UsageException("--init: no such directory: " + init);
        }
        if (maxExamples != null) {
            Usage.atLeast(maxExamples, 1, "--max-examples");
        }
        TrainerAppSettings.Builder builder = TrainerAppSettings.builder(lossKind, init, checkpointDir)
                .topic(topic).dataFile(data).experiment(experiment)
                .batchSize(training.batchSize()).warmupSteps(training.warmup()).gradClip(training.gradClip())
                .weightDecay(weightDecay).maxSequenceLength(maxLength).checkpointEvery(checkpointEvery)
                .logEvery(logEvery).prompt(prompt.template()::fill).precision(precision.precision());
        return Usage.check(() -> {
            if (learningRate != null) {
                builder.learningRate(learningRate);
            }
            if (beta != null) {
                builder.beta(beta);
            }
            if (maxExamples != null) {
                builder.maxExamples(maxExamples);
            }
            if (maxStaleness != null) {
                builder.maxStaleness(maxStaleness);
            }
            if (device != null) {
                builder.device(DeviceChoice.parse(device));
            }
            if (checkpointDtype != null) {
                builder.checkpointPrecision(Precision.parse(checkpointDtype));
            }
            return builder.build();
        }, "");
    }

    private LossKind parseLoss() {
        try {
            return LossKind.valueOf(loss.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--loss must be sft, dpo or kto, got '" + loss + "'");
        }
    }
}
