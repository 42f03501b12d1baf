package io.east.cli.generate;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.CheckpointRootOption;
import io.east.cli.common.DjlSamplingOptions;
import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.PromptTemplateOptions;
import io.east.cli.common.SamplingOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.StopOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.GenerateTopics;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GeneratorWorker;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.WorkerSettings;
import io.east.producers.generate.WorkerStats;
import io.east.producers.generate.djl.CheckpointRoot;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.ModelVersionFollower;
import io.east.producers.generate.openai.ApiKey;
import io.east.producers.generate.openai.ApiMode;
import io.east.producers.generate.openai.Endpoint;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A generator worker: question tasks in, graded sample sets out, one Kafka transaction per polled batch. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a generator worker: a member of the consumer group east-generators on east.questions. For each "
                    + "task it samples n responses, extracts and grades their answers, and produces the n "
                    + "ReasoningSamples to east.samples in ONE Kafka transaction with the consumed offset, so a "
                    + "crash leaves no partial and no duplicate sample set.",
            "Undecodable or invalid tasks, and tasks the backend still fails after its retries, go to east.dlq "
                    + "in the same transaction, and the worker moves on. Start more workers to scale out "
                    + "(up to the partition count of east.questions). Stops cleanly on SIGTERM or Ctrl-C.",
            "Backends: --backend openai --endpoint URL --model NAME (vLLM, SGLang, llama.cpp server, Ollama, "
                    + "OpenAI); --backend djl --checkpoint-root DIR [--init CKPT] (the policy itself, sampled here "
                    + "in batches of --batch-rows rows with a KV cache).",
            "The djl backend follows east.model-versions (key --model-key) and switches to each newly announced "
                    + "checkpoint between batches; it loads only checkpoints under --checkpoint-root and logs and "
                    + "ignores a pointer elsewhere. Without --init it waits for the first announced version. Every "
                    + "sample carries the policy_version that made it. Sampling seeds come from --seed, the policy "
                    + "version and a count of batches, so a run is repeatable."})
public final class GenerateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);

    @Option(names = "--backend", paramLabel = "openai|djl", required = true,
            description = "What generates: an OpenAI-compatible server, or the DJL policy.")
    private String backend;

    @Mixin
    private CheckpointRootOption checkpointRoot;

    @Option(names = "--init", paramLabel = "CKPT",
            description = "djl: start with this checkpoint (may lie anywhere) instead of waiting for the first "
                    + "announced version; its policy_version is its east-state.json version, else 0.")
    private Path init;

    @Option(names = "--model-key", paramLabel = "KEY", defaultValue = DjlSettings.MAIN,
            description = "djl: follow the model versions of this key: main or an experiment name "
                    + "(default: ${DEFAULT-VALUE}).")
    private String modelKey;

    @Mixin
    private DjlSamplingOptions djlSampling;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "openai: the server's base URL, e.g. http://localhost:8000 or http://localhost:8000/v1.")
    private String endpoint;

    @Option(names = "--model", paramLabel = "NAME", description = "openai: the model name sent with each request.")
    private String model;

    @Option(names = "--mode", paramLabel = "completions|chat", defaultValue = "completions",
            description = "openai: /v1/completions, or /v1/chat/completions with the filled template as the user "
                    + "message (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = ApiKey.DEFAULT_ENV,
            description = "openai: the environment variable holding the API key, sent as a bearer token; unset "
                    + "means no key (default: ${DEFAULT-VALUE}).")
    private String apiKeyEnv;

    @Mixin
    private PromptTemplateOptions prompt;

    @Mixin
    private SamplingOptions sampling = SamplingOptions.withDefaultMaxNewTokens(SamplingParams.DEFAULT_MAX_NEW_TOKENS);

    @Mixin
    private StopOptions stops;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "4",
            description = "Tasks per poll and per transaction (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "4",
            description = "openai: requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--max-retries", paramLabel = "R", defaultValue = "5",
            description = "openai: retries of a request after 429, 5xx, timeouts or a broken body, with "
                    + "exponential backoff and jitter; then the task goes to east.dlq (default: ${DEFAULT-VALUE}).")
    private int maxRetries;

    @Option(names = "--request-timeout", paramLabel = "D", defaultValue = "5m",
            description = "openai: limit for one request, whole body included (default: ${DEFAULT-VALUE}).")
    private String requestTimeout;

    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s",
            description = "openai: limit for opening a connection (default: ${DEFAULT-VALUE}).")
    private String connectTimeout;

    @Option(names = "--no-logprobs",
            description = "openai: do not ask for token logprobs (for servers that refuse the parameter); "
                    + "mean_logprob is then null.")
    private boolean noLogprobs;

    @Option(names = "--max-n-per-request", paramLabel = "K", defaultValue = "0",
            description = "openai: split larger n over several requests, for servers that reject a large n; "
                    + "0 = no limit (default: ${DEFAULT-VALUE}).")
    private int maxNPerRequest;

    @Option(names = "--policy-version", paramLabel = "V", defaultValue = "0",
            description = "openai: the policy_version the samples carry; the server's weights are opaque to us "
                    + "(default: ${DEFAULT-VALUE} = base or unknown).")
    private long policyVersion;

    @Option(names = "--worker-id", paramLabel = "ID",
            description = "Names this worker; its transactional id is east-generator-ID, so it must be unique among "
                    + "running workers. Give a restarted worker its old id (e.g. a StatefulSet pod name) to fence a "
                    + "zombie of it and abort its open transaction at once. Default: HOST-PID, unique per process: "
                    + "safe, but an open transaction of a crashed worker then blocks readers of its sample "
                    + "partitions until transaction.timeout.ms (60 s) aborts it.")
    private String workerId;

    @Option(names = "--group", paramLabel = "G", defaultValue = WorkerSettings.DEFAULT_GROUP,
            description = "The consumer group (default: ${DEFAULT-VALUE}).")
    private String group;

    @Mixin
    private MetricsOptions metricsOptions;

    @Mixin
    private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        String backendName = backend.trim().toLowerCase(Locale.ROOT);
        if (!backendName.equals("openai") && !backendName.equals("djl")) {
            throw new UsageException("--backend must be openai or djl, got '" + backend + "'");
        }
        boolean djl = backendName.equals("djl");
        OpenAiSettings openAi = djl ? null : openAiSettings();
        DjlOptions djlOptions = djl ? djlOptions() : null;
        WorkerSettings settings = workerSettings();
        Optional<MetricsOptions.Served> served = metricsOptions.start("generate");
        ProcessMetrics metrics = served.map(MetricsOptions.Served::metrics).orElse(null);

        try (GenerationBackend generator = djl ? djlBackend(djlOptions) : new OpenAiBackend(openAi)) {
            GeneratorWorker worker = GeneratorWorker.create(kafka.clientProperties(), settings, generator);
            if (metrics != null) {
                worker.bindMetrics(metrics);
                if (generator instanceof DjlBackend policy) {
                    policy.bindMetrics(metrics);
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
        if (endpoint != null || model != null) {
            throw new UsageException("--endpoint and --model are for --backend openai");
        }
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

    private OpenAiSettings openAiSettings() {
        if (checkpointRoot.given() || init != null) {
            throw new UsageException("--checkpoint-root and --init are for --backend djl");
        }
        if (endpoint == null) {
            throw new UsageException("--backend openai needs --endpoint URL");
        }
        if (model == null || model.isBlank()) {
            throw new UsageException("--backend openai needs --model NAME");
        }
        ApiMode apiMode = Usage.check(() -> ApiMode.parse(mode), "--mode: ");
        Usage.check(() -> Endpoint.resolve(endpoint, apiMode), "--endpoint: ");
        Usage.atLeast(concurrency, 1, "--concurrency");
        Usage.atLeast(maxRetries, 0, "--max-retries");
        Usage.atLeast(maxNPerRequest, 0, "--max-n-per-request");
        Usage.atLeast(policyVersion, 0, "--policy-version");
        ApiKey apiKey = Usage.check(() -> ApiKey.fromEnvironment(apiKeyEnv, System.getenv()), "--api-key-env: ");
        RetryPolicy retry = Usage.check(() -> RetryPolicy.DEFAULT.withMaxRetries(maxRetries), "--max-retries: ");
        OpenAiSettings.Builder builder = OpenAiSettings.builder(endpoint, model)
                .mode(apiMode)
                .apiKey(apiKey)
                .concurrency(concurrency)
                .retry(retry)
                .requestTimeout(Durations.parse(requestTimeout, "--request-timeout"))
                .connectTimeout(Durations.parse(connectTimeout, "--connect-timeout"))
                .logprobs(!noLogprobs)
                .maxChoicesPerRequest(maxNPerRequest)
                .policyVersion(policyVersion);
        return Usage.check(builder::build, "");
    }

    private WorkerSettings workerSettings() {
        Usage.atLeast(batch, 1, "--batch");
        SamplingParams params = sampling.params(stops.stops());
        PromptTemplate template = prompt.template();
        String id = workerId == null ? WorkerSettings.defaultWorkerId() : workerId;
        return Usage.check(() -> new WorkerSettings(id, group, GenerateTopics.DEFAULT, batch, template, params,
                WorkerSettings.DEFAULT_POLL_TIMEOUT), "");
    }
}
