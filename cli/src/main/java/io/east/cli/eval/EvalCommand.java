package io.east.cli.eval;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.CheckpointRootOption;
import io.east.cli.common.DjlSamplingOptions;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.OpenAiServerOptions;
import io.east.cli.common.PromptTemplateOptions;
import io.east.cli.common.QuestionSourceOptions;
import io.east.cli.common.SamplingBackend;
import io.east.cli.common.SamplingOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.StopOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.cli.common.WeightSyncOptions;
import io.east.eval.EvalDataset;
import io.east.eval.EvalPublisher;
import io.east.eval.EvalReport;
import io.east.eval.EvalResults;
import io.east.eval.EvalSettings;
import io.east.eval.EvalTarget;
import io.east.eval.Evaluator;
import io.east.eval.FollowingEvaluator;
import io.east.eval.ServedEvaluation;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.WorkerSettings;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncer;
import io.east.producers.generate.openai.sync.WeightSyncs;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFollower;
import io.east.schemas.topics.EastTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Accuracy of a checkpoint, or of every new model version, on a test set. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false)
public final class EvalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    @Option(names = "--backend", paramLabel = "djl|openai", defaultValue = "djl") private String backend;
    @Option(names = "--model", paramLabel = "CKPT|NAME") private String model;
    @Option(names = "--follow") private boolean follow;
    @Mixin private CheckpointRootOption checkpointRoot;
    @Option(names = "--experiment", paramLabel = "EXP") private String experiment;
    @Mixin private QuestionSourceOptions questions;
    @Option(names = "--n", paramLabel = "N", defaultValue = "1") private int n;

    // The maj@N responses are sampled so; pass@1 is always greedy.
    @Mixin
    private SamplingOptions sampling = SamplingOptions.withDefaultMaxNewTokens(SamplingParams.DEFAULT_MAX_NEW_TOKENS);

    @Mixin private StopOptions stops;
    @Mixin private PromptTemplateOptions prompt;
    @Mixin private DjlSamplingOptions djlSampling;
    @Mixin private OpenAiServerOptions server;
    @Mixin private WeightSyncOptions weightSync;
    @Option(names = "--no-publish") private boolean noPublish;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        SamplingBackend chosen = SamplingBackend.parse(backend);
        boolean openAi = chosen == SamplingBackend.OPENAI;
        if (!openAi && model == null && !follow) {
            throw new UsageException("give --model CKPT, --follow, or both");
        }
        if (follow && !checkpointRoot.given()) {
            throw new UsageException("--follow needs --checkpoint-root DIR");
        }
        if (!follow && checkpointRoot.given()) {
            throw new UsageException("--checkpoint-root is for --follow");
        }
        Path checkpoint = openAi ? null : djlCheckpoint();
        OpenAiSettings openAiSettings = openAi ? openAiSettings() : null;
        DjlSettings djl = djlSampling.settings(EastTopics.recordKey(experiment), "--experiment");
        SamplingParams voting = sampling.params(stops.stops());
        EvalSettings settings = Usage.check(() -> new EvalSettings(prompt.template(), voting.stop(),
                voting.maxNewTokens(), n, voting.temperature(), voting.topP(), EvalSettings.DEFAULT_QUESTIONS_PER_CALL),
                "");
        DatasetSpec datasetSpec = questions.spec();
        EvalDataset evalDataset = Usage.check(() -> EvalDataset.of(datasetSpec, questions.split(), questions.limit()),
                "");
        CheckpointRoot root = follow ? checkpointRoot.root() : null;
        WeightSyncSettings sync = openAi && follow ? weightSync.settings("eval-" + WorkerSettings.defaultWorkerId())
                : null;
        long modelVersion = checkpoint == null ? -1 : CheckpointDirs.version(checkpoint, "--model");

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
                .addKeyValue("backend", chosen.id()).addKeyValue("publish", publishes()).log("evaluation starting");
        try (EvalPublisher publisher = publishes() ? EvalPublisher.connect(kafka.clientProperties()) : null) {
            Report report = (version, uri, result) -> {
                table.row(version, result);
                if (publisher != null) {
                    publisher.publish(EvalResults.of(new EvalTarget(version, uri, evalDataset.name(),
                            evalDataset.split(), experiment), result, Instant.now()));
                }
            };
            table.header();
            if (openAi) {
                evaluateServer(openAiSettings, sync, root, evaluator, djl, loaded, report);
            } else {
                if (checkpoint != null) {
                    report.evaluated(modelVersion, checkpoint.toAbsolutePath().normalize().toUri().toString(),
                            evaluator.evaluateCheckpoint(checkpoint, modelVersion, djl, loaded.questions()));
                }
                if (follow) {
                    follow(root, (version, admitted) -> Optional.of(evaluator.evaluateCheckpoint(admitted, version,
                            djl, loaded.questions())), djl, report, modelVersion);
                }
            }
        }
        return loaded.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Path djlCheckpoint() {
        if (server.given()) {
            throw new UsageException("--endpoint is for --backend openai");
        }
        if (weightSync.enabled()) {
            throw new UsageException("--weight-sync is for --backend openai");
        }
        weightSync.rejectWhenOff();
        return model == null ? null : CheckpointDirs.checked(Path.of(model), "--model");
    }

    private OpenAiSettings openAiSettings() {
        OpenAiSettings settings = server.settings(model, "--backend openai");
        if (follow && !weightSync.enabled()) {
            throw new UsageException("--backend openai --follow needs --weight-sync sglang, vllm or command: the "
                    + "server must load each version before it is evaluated");
        }
        if (!follow) {
            if (weightSync.enabled()) {
                throw new UsageException("--weight-sync is for --follow");
            }
            weightSync.rejectWhenOff();
        }
        return settings;
    }

    /** The server as it is, once; or, following, each new version loaded into it first. */
    private void evaluateServer(OpenAiSettings settings, WeightSyncSettings sync, CheckpointRoot root,
            Evaluator evaluator, DjlSettings djl, LoadedQuestions loaded, Report report) throws InterruptedException {
        if (sync == null) {
            try (OpenAiBackend backend = new OpenAiBackend(settings)) {
                report.evaluated(settings.policyVersion(), settings.apiUrl().toString(),
                        evaluator.evaluate(backend, loaded.questions()));
            }
            return;
        }
        WeightSyncer syncer = new WeightSyncer(WeightSyncs.create(sync, settings), sync, settings.policyVersion());
        LOG.atInfo().addKeyValue("sync", sync.mode().id()).addKeyValue("owner", sync.owner())
                .addKeyValue("path_map", sync.pathMap()).addKeyValue("endpoint", settings.baseUrl())
                .log("each version is loaded into the server with weight sync before it is evaluated");
        try (OpenAiBackend backend = new OpenAiBackend(settings, syncer::servedVersion)) {
            follow(root, new ServedEvaluation(syncer, backend, evaluator, loaded.questions()), djl, report, -1);
        }
    }

    /** What to do with each evaluated version. */
    @FunctionalInterface
    private interface Report {
        void evaluated(long version, String checkpointUri, EvalReport report) throws InterruptedException;
    }

    private void follow(CheckpointRoot root, FollowingEvaluator.VersionEvaluation evaluation, DjlSettings djl,
            Report report, long after) throws InterruptedException {
        try (ModelVersionFollower feed = ModelVersionFollower.connect(kafka.clientProperties(), djl.modelKey())) {
            FollowingEvaluator following = new FollowingEvaluator(feed, root, evaluation,
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
        return follow || kafka.brokerNamed();
    }

}
