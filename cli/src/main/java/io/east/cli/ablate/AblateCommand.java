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
@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compare weighting configs on one sample log: each config weighs the same samples (the batch path for "
                    + "--samples, the streams app as an experiment of its own for --samples-topic), trains a copy of "
                    + "--init on the same kept examples in the same order for the same steps, and is evaluated with "
                    + "greedy pass@1 on held-out questions; --seeds training orders per config.",
            "Writes results.md, results.csv, accuracy.svg (pass@1 per config with 95%% intervals) and weights.svg "
                    + "(each config's weight against entropy) into --output-dir, rewritten after every run; prints "
                    + "the per-config table when done. Work files (training data, replay state) go to "
                    + "OUTPUT_DIR/work/RUN_ID."})
public final class AblateCommand implements Callable<Integer> {

    /** Exactly one sample log. */
    static final class Source {
        @Option(names = "--samples", paramLabel = "F", required = true,
                description = "A samples JSONL file ('east sample' writes one; 'east tail east.samples' prints one).")
        Path file;

        @Option(names = "--samples-topic", paramLabel = "T", required = true,
                description = "Replay the sample topic through the streams app (must be east.samples).")
        String topic;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--init", paramLabel = "CKPT", required = true,
            description = "The checkpoint every run starts from, and the base row of the table.")
    private Path init;

    @Option(names = "--configs", paramLabel = "LIST", defaultValue = AblationConfigs.PAPER,
            description = "Configs separated by ';', each strategy[:a=ALPHA][:scope=SCOPE] (default: "
                    + "${DEFAULT-VALUE}). Without a scope: dataset (mean weight 1 over the log; a topic replay "
                    + "realises it as fixed:C with C computed from the same samples).")
    private String configs;

    @Option(names = "--loss", paramLabel = "sft|dpo", defaultValue = "sft",
            description = "The training loss (default: ${DEFAULT-VALUE}).")
    private String loss;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "3",
            description = "Training orders per config, seeds 0..S-1, shared by every config (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--examples", paramLabel = "N",
            description = "Train on at most the first N kept examples of the log (per epoch). Default: all.")
    private Integer examples;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "" + TrainingPlan.DEFAULT_EPOCHS,
            description = "Passes over the examples, each in a fresh seeded order (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Mixin
    private TrainingOptions training = TrainingOptions.withDefaults(TrainingPlan.DEFAULT_BATCH_SIZE,
            TrainingPlan.DEFAULT_WARMUP);

    @Option(names = "--lr", paramLabel = "L", converter = Converters.FiniteDouble.class,
            description = "Learning rate after warm-up (default: 5e-4 for sft, 1e-4 for dpo: suited to the ~1M-"
                    + "parameter demo model, not to the paper's 1B one).")
    private Double learningRate;

    @Option(names = "--beta", paramLabel = "B", converter = Converters.FiniteDouble.class,
            description = "DPO temperature (default: the trainer's, 0.01).")
    private Double beta;

    @Mixin
    private ClusteringOption clustering;

    @Mixin
    private KeepRulesOption keepRules;

    @Option(names = "--choice-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the choice of chosen and rejected responses (default: ${DEFAULT-VALUE}).")
    private long choiceSeed;

    @Option(names = "--eval-dataset", paramLabel = "SPEC", defaultValue = "synthetic",
            description = "Held-out questions: gsm8k:PATH, math:PATH or synthetic[:SEED] (default: ${DEFAULT-VALUE}).")
    private String evalDataset;

    @Option(names = "--eval-split", paramLabel = "S", defaultValue = "test",
            description = "The split evaluated (default: ${DEFAULT-VALUE}).")
    private String evalSplit;

    @Option(names = "--eval-limit", paramLabel = "L", defaultValue = "" + EvalPlan.DEFAULT_LIMIT,
            description = "Questions evaluated, the first L of the split (default: ${DEFAULT-VALUE}).")
    private int evalLimit;

    @Option(names = "--eval-max-new-tokens", paramLabel = "M", defaultValue = "" + EvalPlan.DEFAULT_MAX_NEW_TOKENS,
            description = "Most tokens per evaluated answer (default: ${DEFAULT-VALUE}).")
    private int evalMaxNewTokens;

    @Option(names = "--batch-rows", paramLabel = "R", defaultValue = "" + DjlSettings.DEFAULT_BATCH_ROWS,
            description = "Most prompts per batched model call in evaluation (default: ${DEFAULT-VALUE}).")
    private int batchRows;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "ablation-results",
            description = "Where the results go (default: ${DEFAULT-VALUE}).")
    private Path outputDir;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Names the work directory and, for a topic, the experiments (default: the start time, "
                    + "yyyyMMdd-HHmmss).")
    private String runId;

    @Option(names = "--keep-checkpoints", description = "Keep every run's trained checkpoint under the work directory.")
    private boolean keepCheckpoints;

    @Option(names = "--replay-timeout", paramLabel = "D", defaultValue = "10m",
            description = "--samples-topic: the longest one config's replay may take (default: ${DEFAULT-VALUE}).")
    private String replayTimeout;

    @Mixin
    private KafkaOptions kafka;

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
