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
import io.east.core.EnumIds;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The trainer consumer: weighted examples in, checkpoints and model versions out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false)
public final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);

    @Option(names = "--loss", paramLabel = "sft|dpo|kto", required = true) private String loss;
    @Option(names = "--init", paramLabel = "CKPT", required = true) private Path init;
    @Option(names = "--checkpoint-dir", paramLabel = "DIR", required = true) private Path checkpointDir;
    @Option(names = "--topic", paramLabel = "T") private String topic;
    @Option(names = "--experiment", paramLabel = "EXP") private String experiment;
    @Option(names = "--data", paramLabel = "F.jsonl") private Path data;
    @Mixin private TrainingOptions training = TrainingOptions.withDefaults(16, 10);
    @Option(names = "--lr", paramLabel = "L", converter = Converters.FiniteDouble.class) private Double learningRate;

    @Option(names = "--weight-decay", paramLabel = "D", defaultValue = "0", converter = Converters.FiniteDouble.class)
    private double weightDecay;

    @Option(names = "--beta", paramLabel = "B", converter = Converters.FiniteDouble.class) private Double beta;
    @Option(names = "--max-length", paramLabel = "N", defaultValue = "0") private int maxLength;
    @Option(names = "--checkpoint-every", paramLabel = "S", defaultValue = "100") private int checkpointEvery;
    @Option(names = "--max-examples", paramLabel = "N") private Long maxExamples;
    @Option(names = "--max-staleness", paramLabel = "V") private Long maxStaleness;
    @Option(names = "--device", paramLabel = "cpu|gpu") private String device;
    @Mixin private PrecisionOption precision;
    @Option(names = "--checkpoint-dtype", paramLabel = "fp32|bf16") private String checkpointDtype;
    @Mixin private PromptTemplateOptions prompt;
    @Option(names = "--log-every", paramLabel = "N", defaultValue = "10") private int logEvery;
    @Mixin private MetricsOptions metricsOptions;
    @Mixin private KafkaOptions kafka;

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
        return Usage.check(() -> EnumIds.parse(LossKind.class, "--loss", loss), "");
    }
}
