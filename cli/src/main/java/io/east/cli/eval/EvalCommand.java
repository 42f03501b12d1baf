package io.east.cli.eval;

import io.east.cli.common.PrecisionOption;
import io.east.cli.common.Converters;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.PromptTemplateOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.UsageException;
import io.east.eval.EvalDataset;
import io.east.eval.EvalPublisher;
import io.east.eval.EvalReport;
import io.east.eval.EvalResults;
import io.east.eval.EvalSettings;
import io.east.eval.EvalTarget;
import io.east.eval.Evaluator;
import io.east.eval.FollowingEvaluator;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.CheckpointRoot;
import io.east.producers.generate.djl.CheckpointVersion;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.ModelVersionFollower;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Accuracy of a checkpoint, or of every new model version, on a test set. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate a checkpoint on a test set: greedy pass@1 (temperature 0) and, with --n N > 1, maj@N (N "
                    + "responses at --temperature, the most common final answer, answers clustered by equivalence), "
                    + "each with a 95%% Wilson confidence interval. Prompt, stop strings and answer grading are the "
                    + "generator's, so eval measures what generation does.",
            "stdout is a table: a header, then one row per model version (model_version, questions, pass@1 and its "
                    + "interval, maj@N and its interval).",
            "--follow evaluates each new model version announced on east.model-versions (key: --experiment, else "
                    + "'main'), loading only checkpoints under --checkpoint-root; when versions arrive faster than "
                    + "they are evaluated, the newest is evaluated and the ones in between are passed over. With "
                    + "--model too, that checkpoint is evaluated first. Stops on SIGTERM or Ctrl-C.",
            "Publishing: an EvalResult per evaluated version goes to east.eval when --bootstrap is given or "
                    + "EAST_BOOTSTRAP is set, and always with --follow (the broker it follows); --no-publish turns "
                    + "it off. Its model_version is the checkpoint's east-state.json version (0 without one), or the "
                    + "announced version."})
public final class EvalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    @Option(names = "--model", paramLabel = "CKPT",
            description = "A checkpoint directory (Hugging Face Llama layout) to evaluate.")
    private Path model;

    @Option(names = "--follow", description = "Evaluate every new model version from east.model-versions.")
    private boolean follow;

    @Option(names = "--checkpoint-root", paramLabel = "DIR",
            description = "--follow: announced checkpoints are loaded only from under this directory.")
    private Path checkpointRoot;

    @Option(names = "--experiment", paramLabel = "EXP",
            description = "Follow the experiment's model versions, and name it in the EvalResults.")
    private String experiment;

    @Option(names = "--dataset", paramLabel = "SPEC", required = true,
            description = "gsm8k:PATH, math:PATH (a JSONL file, or a directory of SPLIT.jsonl files) or "
                    + "synthetic[:SEED].")
    private String dataset;

    @Option(names = "--split", paramLabel = "S",
            description = "test or train for synthetic; the file S.jsonl of a dataset directory (default: test; a "
                    + "file is its own split).")
    private String split;

    @Option(names = "--limit", paramLabel = "L", description = "Evaluate only the first L questions.")
    private Integer limit;

    @Option(names = "--n", paramLabel = "N", defaultValue = "1",
            description = "Responses per question for maj@N; 1 reports greedy pass@1 only (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--temperature", paramLabel = "X", defaultValue = "0.8", converter = Converters.FiniteDouble.class,
            description = "Sampling temperature of the maj@N responses (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.95", converter = Converters.FiniteDouble.class,
            description = "Nucleus mass of the maj@N responses (default: ${DEFAULT-VALUE}).")
    private double topP;

    @Option(names = "--max-new-tokens", paramLabel = "M", defaultValue = "512",
            description = "Most tokens per response, lowered where the model has fewer positions left "
                    + "(default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Option(names = "--stop", paramLabel = "S",
            description = "A stop string; repeatable. Default: the generator's (newline + 'Question:').")
    private List<String> stop;

    @Option(names = "--no-stop", description = "No stop strings at all.")
    private boolean noStop;

    @Mixin
    private PrecisionOption precision;

    @Mixin
    private PromptTemplateOptions prompt;

    @Option(names = "--batch-rows", paramLabel = "R", defaultValue = "" + DjlSettings.DEFAULT_BATCH_ROWS,
            description = "Most prompt copies per batched model call (default: ${DEFAULT-VALUE}).")
    private int batchRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the maj@N sampling: the same seed gives the same table (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-publish", description = "Do not publish EvalResults to east.eval.")
    private boolean noPublish;

    @Mixin
    private KafkaOptions kafka;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (model == null && !follow) {
            throw new UsageException("give --model CKPT, --follow, or both");
        }
        if (follow && checkpointRoot == null) {
            throw new UsageException("--follow needs --checkpoint-root DIR");
        }
        if (!follow && checkpointRoot != null) {
            throw new UsageException("--checkpoint-root is for --follow");
        }
        if (model != null && !Files.isRegularFile(model.resolve("config.json"))) {
            throw new UsageException("--model: not a checkpoint directory (no config.json): " + model);
        }
        if (batchRows < 1) {
            throw new UsageException("--batch-rows must be >= 1, got " + batchRows);
        }
        EvalSettings settings = usage(() -> new EvalSettings(prompt.template(), stops(), maxNewTokens, n, temperature, topP,
                EvalSettings.DEFAULT_QUESTIONS_PER_CALL), "");
        DatasetSpec datasetSpec = usage(() -> DatasetSpec.parse(dataset), "--dataset: ");
        EvalDataset evalDataset = usage(() -> EvalDataset.of(datasetSpec, split, limit), "");
        DjlSettings djl = usage(() -> new DjlSettings(experiment == null ? DjlSettings.MAIN : experiment, batchRows,
                seed, precision.precision()), "--experiment: ");
        CheckpointRoot root = checkpointRoot == null ? null
                : usage(() -> CheckpointRoot.of(checkpointRoot), "--checkpoint-root: ");
        long modelVersion = model == null ? -1 : modelVersion();

        LoadedQuestions loaded = evalDataset.load();
        loaded.errors().forEach(error -> LOG.error("{}", error));
        if (loaded.questions().isEmpty()) {
            LOG.error("{} has no questions to evaluate", datasetSpec);
            return ExitCodes.FAILED;
        }
        Evaluator evaluator = new Evaluator(settings);
        EvalTable table = new EvalTable(System.out, n);
        LOG.atInfo().addKeyValue("dataset", evalDataset.name()).addKeyValue("split", evalDataset.split())
                .addKeyValue("questions", loaded.questions().size()).addKeyValue("n", n)
                .addKeyValue("publish", publishes()).log("evaluation starting");
        try (EvalPublisher publisher = publishes() ? EvalPublisher.connect(kafka.clientProperties()) : null) {
            Report report = (version, uri, result) -> {
                table.row(version, result);
                if (publisher != null) {
                    publisher.publish(EvalResults.of(new EvalTarget(version, uri, evalDataset.name(),
                            evalDataset.split(), experiment), result, Instant.now()));
                }
            };
            table.header();
            if (model != null) {
                report.evaluated(modelVersion, model.toAbsolutePath().normalize().toUri().toString(),
                        evaluator.evaluateCheckpoint(model, modelVersion, djl, loaded.questions()));
            }
            if (follow) {
                follow(root, evaluator, djl, loaded, report, modelVersion);
            }
        }
        return loaded.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** What to do with each evaluated version. */
    @FunctionalInterface
    private interface Report {
        void evaluated(long version, String checkpointUri, EvalReport report) throws InterruptedException;
    }

    private void follow(CheckpointRoot root, Evaluator evaluator, DjlSettings djl, LoadedQuestions loaded,
            Report report, long after) throws InterruptedException {
        try (ModelVersionFollower feed = ModelVersionFollower.connect(kafka.clientProperties(), djl.modelKey())) {
            FollowingEvaluator following = new FollowingEvaluator(feed, root, evaluator, djl, loaded.questions(),
                    (version, result) -> report.evaluated(version.getVersion(), version.getCheckpointUri(), result));
            // Between two evaluations SIGTERM ends the loop at once; during one, the JVM exits after the grace.
            try (StopOnSignal hook = StopOnSignal.install("east-eval-shutdown", following::stop,
                    following::awaitFinished, SHUTDOWN_GRACE)) {
                following.run(after);
            }
        }
    }

    /** Publishing needs a broker someone named; --follow names one by following it. */
    private boolean publishes() {
        if (noPublish) {
            return false;
        }
        return follow || spec.commandLine().getParseResult().hasMatchedOption("--bootstrap")
                || System.getenv(KafkaOptions.BOOTSTRAP_ENV) != null;
    }

    private long modelVersion() {
        try {
            return CheckpointVersion.of(model);
        } catch (IOException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
    }

    private List<String> stops() {
        if (stop != null && noStop) {
            throw new UsageException("--stop and --no-stop contradict each other");
        }
        return noStop ? List.of() : stop == null ? SamplingParams.DEFAULT_STOP : stop;
    }

    private static <T> T usage(Supplier<T> check, String prefix) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(prefix + e.getMessage());
        }
    }
}
