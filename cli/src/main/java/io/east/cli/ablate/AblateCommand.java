package io.east.cli.ablate;

import io.east.ablation.Ablation;
import io.east.ablation.AblationConfig;
import io.east.ablation.AblationConfigs;
import io.east.ablation.AblationListener;
import io.east.ablation.AblationResults;
import io.east.ablation.AblationSettings;
import io.east.ablation.EvalPlan;
import io.east.ablation.ResultFiles;
import io.east.ablation.RunResult;
import io.east.ablation.SampleSource;
import io.east.ablation.TrainingPlan;
import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.ClusteringOption;
import io.east.cli.common.Converters;
import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.InputFiles;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.KeepRulesOption;
import io.east.cli.common.Progress;
import io.east.cli.common.TrainingOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.model.train.LossKind;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.generate.djl.DjlSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The paper's comparison of weighting configs, by replaying one sample log under each. */
@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false)
public final class AblateCommand implements Callable<Integer> {

    /** Exactly one sample log. */
    static final class Source {
        @Option(names = "--samples", paramLabel = "F", required = true) Path file;
        @Option(names = "--samples-topic", paramLabel = "T", required = true) String topic;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") private Source source;
    @Option(names = "--init", paramLabel = "CKPT", required = true) private Path init;
    @Option(names = "--configs", paramLabel = "LIST", defaultValue = AblationConfigs.PAPER) private String configs;
    @Option(names = "--loss", paramLabel = "sft|dpo", defaultValue = "sft") private String loss;
    @Option(names = "--seeds", paramLabel = "S", defaultValue = "3") private int seeds;
    @Option(names = "--examples", paramLabel = "N") private Integer examples;
    @Option(names = "--epochs", paramLabel = "E", defaultValue = "" + TrainingPlan.DEFAULT_EPOCHS) private int epochs;

    @Mixin
    private TrainingOptions training = TrainingOptions.withDefaults(TrainingPlan.DEFAULT_BATCH_SIZE,
            TrainingPlan.DEFAULT_WARMUP);

    @Option(names = "--lr", paramLabel = "L", converter = Converters.FiniteDouble.class) private Double learningRate;
    @Option(names = "--beta", paramLabel = "B", converter = Converters.FiniteDouble.class) private Double beta;
    @Mixin private ClusteringOption clustering;
    @Mixin private KeepRulesOption keepRules;
    @Option(names = "--choice-seed", paramLabel = "N", defaultValue = "0") private long choiceSeed;
    @Option(names = "--eval-dataset", paramLabel = "SPEC", defaultValue = "synthetic") private String evalDataset;
    @Option(names = "--eval-split", paramLabel = "S", defaultValue = "test") private String evalSplit;
    @Option(names = "--eval-limit", paramLabel = "L", defaultValue = "" + EvalPlan.DEFAULT_LIMIT) private int evalLimit;

    @Option(names = "--eval-max-new-tokens", paramLabel = "M", defaultValue = "" + EvalPlan.DEFAULT_MAX_NEW_TOKENS)
    private int evalMaxNewTokens;

    @Option(names = "--batch-rows", paramLabel = "R", defaultValue = "" + DjlSettings.DEFAULT_BATCH_ROWS)
    private int batchRows;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "ablation-results") private Path outputDir;
    @Option(names = "--run-id", paramLabel = "ID") private String runId;
    @Option(names = "--keep-checkpoints") private boolean keepCheckpoints;
    @Option(names = "--replay-timeout", paramLabel = "D", defaultValue = "10m") private String replayTimeout;
    @Mixin private KafkaOptions kafka;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AblationSettings settings = settings();
        AblationResults results;
        try (ProgressListener progress = new ProgressListener()) {
            results = new Ablation(settings, progress).run();
        }
        System.out.print(ResultFiles.summary(results));
        System.out.println();
        System.out.println("results: " + settings.outputDir().resolve("results.md"));
        System.out.flush();
        return results.log().skipped() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private AblationSettings settings() {
        CheckpointDirs.checked(init, "--init");
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new UsageException("--output-dir is not a directory: " + outputDir);
        }
        List<AblationConfig> parsed = Usage.check(() -> AblationConfigs.parse(configs), "");
        LossKind lossKind = lossKind();
        TrainingPlan trainingPlan = Usage.check(() -> new TrainingPlan(lossKind, epochs, examples, training.batchSize(),
                learningRate != null ? learningRate : TrainingPlan.defaultLearningRate(lossKind), training.warmup(),
                training.gradClip(), beta), "");
        DatasetSpec dataset = Usage.check(() -> DatasetSpec.parse(evalDataset), "--eval-dataset: ");
        EvalPlan eval = Usage.check(() -> {
            EvalPlan plan = new EvalPlan(dataset, evalSplit, evalLimit, evalMaxNewTokens, batchRows);
            plan.questions();
            return plan;
        }, "");
        SampleSource sampleSource = source.file != null
                ? new SampleSource.File(InputFiles.readable(source.file, "--samples"))
                : Usage.check(() -> new SampleSource.Topic(source.topic, kafka.clientProperties(),
                        Durations.parse(replayTimeout, "--replay-timeout")), "");
        String id = runId != null ? runId : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
                Locale.ROOT));
        return Usage.check(() -> new AblationSettings(sampleSource, init, parsed, seeds, trainingPlan, eval,
                clustering.clustering(), keepRules.rules(), choiceSeed, outputDir, id, keepCheckpoints, commandLine()),
                "");
    }

    private LossKind lossKind() {
        return switch (loss.trim().toLowerCase(Locale.ROOT)) {
            case "sft" -> LossKind.SFT;
            case "dpo" -> LossKind.DPO;
            default -> throw new UsageException("--loss must be sft or dpo, got '" + loss + "'");
        };
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // The parse result's arguments start with the subcommand's own name when it ran under 'east'.
        List<String> own = args.isEmpty() || !args.get(0).equals(spec.name()) ? args : args.subList(1, args.size());
        return "east ablate " + String.join(" ", own.stream()
                .map(arg -> arg.isEmpty() || arg.matches(".*[\\s;'\"$|&<>*?()].*")
                        ? "'" + arg.replace("'", "'\\''") + "'" : arg).toList());
    }

    /** A progress bar over the runs (log lines when not on a terminal). */
    private static final class ProgressListener implements AblationListener, AutoCloseable {
        private Progress progress;

        @Override
        public void planned(int runs, int examples, long stepsPerRun) {
            progress = Progress.start("ablation", "runs", runs);
        }

        @Override
        public void finished(int done, RunResult result) {
            if (progress != null) {
                progress.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (progress != null) {
                progress.close();
            }
        }
    }
}
