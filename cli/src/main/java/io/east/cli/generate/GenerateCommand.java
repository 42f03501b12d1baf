package io.east.cli.generate;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.CheckpointRootOption;
import io.east.cli.common.DjlSamplingOptions;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.OpenAiServerOptions;
import io.east.cli.common.PromptTemplateOptions;
import io.east.cli.common.SamplingBackend;
import io.east.cli.common.SamplingOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.StopOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.cli.common.WeightSyncOptions;
import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.GenerateTopics;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GeneratorWorker;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.WorkerSettings;
import io.east.producers.generate.WorkerStats;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncedBackend;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFollower;
import io.east.schemas.topics.EastTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A generator worker: question tasks in, graded sample sets out, one Kafka transaction per polled batch. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false)
public final class GenerateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);
    /** How long a starting worker waits to read the versions announced so far. */
    private static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(60);

    @Option(names = "--backend", paramLabel = "openai|djl", required = true) private String backend;
    @Mixin private CheckpointRootOption checkpointRoot;
    @Option(names = "--init", paramLabel = "CKPT") private Path init;
    @Option(names = "--model-key", paramLabel = "KEY", defaultValue = EastTopics.MAIN_KEY) private String modelKey;
    @Mixin private DjlSamplingOptions djlSampling;
    @Mixin private OpenAiServerOptions server;
    @Option(names = "--model", paramLabel = "NAME") private String model;
    @Mixin private WeightSyncOptions weightSync;
    @Mixin private PromptTemplateOptions prompt;

    @Mixin
    private SamplingOptions sampling = SamplingOptions.withDefaultMaxNewTokens(SamplingParams.DEFAULT_MAX_NEW_TOKENS);

    @Mixin private StopOptions stops;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "4") private int batch;
    @Option(names = "--worker-id", paramLabel = "ID") private String workerId;
    @Option(names = "--group", paramLabel = "G", defaultValue = WorkerSettings.DEFAULT_GROUP) private String group;
    @Mixin private MetricsOptions metricsOptions;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        boolean djl = SamplingBackend.parse(backend) == SamplingBackend.DJL;
        WorkerSettings settings = workerSettings();
        OpenAiOptions openAi = djl ? null : openAiOptions(settings.workerId());
        DjlOptions djlOptions = djl ? djlOptions() : null;
        Optional<MetricsOptions.Served> served = metricsOptions.start("generate");
        ProcessMetrics metrics = served.map(MetricsOptions.Served::metrics).orElse(null);

        try (GenerationBackend generator = djl ? djlBackend(djlOptions) : openAiBackend(openAi)) {
            GeneratorWorker worker = GeneratorWorker.create(kafka.clientProperties(), settings, generator);
            if (metrics != null) {
                worker.bindMetrics(metrics);
                if (generator instanceof DjlBackend policy) {
                    policy.bindMetrics(metrics);
                } else if (generator instanceof WeightSyncedBackend synced) {
                    synced.bindMetrics(metrics);
                }
            }
            // SIGTERM: abandon the batch being generated (its offsets are not committed), close cleanly.
            WorkerStats stats;
            try (StopOnSignal hook = StopOnSignal.install("east-generate-shutdown", worker::stop,
                    worker::awaitStopped, SHUTDOWN_GRACE)) {
                stats = worker.run();
            }
            LOG.atInfo().addKeyValue("tasks", stats.tasks()).addKeyValue("samples", stats.samples())
                    .addKeyValue("dead_letters", stats.deadLetters()).log("generate finished");
        } finally {
            served.ifPresent(MetricsOptions.Served::close);
        }
        return ExitCodes.OK;
    }

    /** The djl backend's options, checked before anything starts. */
    private record DjlOptions(CheckpointRoot root, Path init, DjlSettings settings) {
    }

    private DjlOptions djlOptions() {
        if (!checkpointRoot.given()) {
            throw new UsageException("--backend djl needs --checkpoint-root DIR");
        }
        if (server.given() || model != null) {
            throw new UsageException("--endpoint and --model are for --backend openai");
        }
        if (weightSync.enabled()) {
            throw new UsageException("--weight-sync is for --backend openai; the djl backend follows model versions "
                    + "on its own");
        }
        weightSync.rejectWhenOff();
        if (init != null) {
            CheckpointDirs.checked(init, "--init");
        }
        DjlSettings settings = djlSampling.settings(modelKey, "--model-key");
        CheckpointRoot root = checkpointRoot.root();
        return new DjlOptions(root, init, settings);
    }

    /** Loads --init, or waits until the first version is announced (SIGTERM meanwhile simply ends the process). */
    private DjlBackend djlBackend(DjlOptions options) throws IOException, InterruptedException {
        return DjlBackend.following(options.settings(), options.root(), options.init(),
                ModelVersionFollower.connect(kafka.clientProperties(), options.settings().modelKey()));
    }

    /** The openai backend's options, checked before anything starts: the server, and its sync when on. */
    private record OpenAiOptions(OpenAiSettings server, WeightSyncSettings sync, CheckpointRoot root, String key) {
    }

    private OpenAiOptions openAiOptions(String workerId) {
        if (init != null) {
            throw new UsageException("--init is for --backend djl");
        }
        OpenAiSettings openAi = server.settings(model, "--backend openai");
        if (!weightSync.enabled()) {
            if (checkpointRoot.given()) {
                throw new UsageException("--checkpoint-root is for --backend djl, or openai with --weight-sync");
            }
            weightSync.rejectWhenOff();
            return new OpenAiOptions(openAi, null, null, null);
        }
        if (!checkpointRoot.given()) {
            throw new UsageException("--weight-sync needs --checkpoint-root DIR: only checkpoints under it are loaded");
        }
        WeightSyncSettings sync = weightSync.settings(workerId);
        String key = Usage.check(() -> DjlSettings.defaults().withModelKey(modelKey).modelKey(), "--model-key: ");
        return new OpenAiOptions(openAi, sync, checkpointRoot.root(), key);
    }

    /** With weight sync, loads the newest announced version into the server before returning. */
    private GenerationBackend openAiBackend(OpenAiOptions options) throws InterruptedException {
        if (options.sync() == null) {
            return new OpenAiBackend(options.server());
        }
        return WeightSyncedBackend.start(options.server(), options.sync(), options.root(),
                ModelVersionFollower.connect(kafka.clientProperties(), options.key()), CATCH_UP);
    }

    private WorkerSettings workerSettings() {
        Usage.atLeast(batch, 1, "--batch");
        SamplingParams params = sampling.params(stops.stops());
        PromptTemplate template = prompt.template();
        String id = workerId == null ? WorkerSettings.defaultWorkerId() : workerId;
        return Usage.check(() -> new WorkerSettings(id, group, GenerateTopics.DEFAULT, batch, template, params,
                WorkerSettings.DEFAULT_POLL_TIMEOUT, workerId != null), "");
    }
}
