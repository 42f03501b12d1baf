package io.east.cli.serve;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.PrecisionOption;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.djl.CheckpointRoot;
import io.east.serve.ServeServer;
import io.east.serve.ServeSettings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An OpenAI-compatible server backed by the DJL policy, with SGLang's reload endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve a checkpoint over an OpenAI-compatible HTTP API: POST /v1/completions, POST "
                    + "/v1/chat/completions (n, temperature, top_p, max_tokens, stop, logprobs, seed) and GET "
                    + "/v1/models; also SGLang's POST /update_weights_from_disk {\"model_path\": DIR}, which loads "
                    + "another checkpoint and swaps it in between batches, GET /get_model_info and GET /health.",
            "Concurrent requests are batched: one sampling thread owns the model, and the requests that arrive while "
                    + "a batch runs are sampled together in the next Sampler call when their parameters agree.",
            "Prints 'serve=http://ADDR:PORT' on stdout once it serves (the OpenAI API is under /v1), and stops "
                    + "cleanly on SIGTERM or Ctrl-C. Set OMP_WAIT_POLICY=PASSIVE when other processes share the "
                    + "cores (./east does)."})
public final class ServeCommand implements Callable<Integer> {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    @Option(names = "--model", paramLabel = "CKPT", required = true,
            description = "The checkpoint to serve first: a Hugging Face Llama directory with tokenizer.json.")
    private Path model;

    @Option(names = "--served-model-name", paramLabel = "NAME",
            description = "The name requests give as 'model' and /v1/models lists (default: the directory name "
                    + "of --model). A request may also name the model_path being served, or leave 'model' out.")
    private String servedModelName;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServeSettings.DEFAULT_BIND,
            description = "Address to listen on; the default keeps the server on this machine, where it answers "
                    + "only requests addressed to a loopback name (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Mixin
    private PrecisionOption precision;

    @Option(names = "--checkpoint-root", paramLabel = "DIR",
            description = "Reloads load only checkpoints under DIR (links and '..' resolved). Without it, "
                    + "/update_weights_from_disk loads any local directory the server can read.")
    private Path checkpointRoot;

    @Option(names = "--max-batch-rows", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_BATCH_ROWS,
            description = "Most rows (choices) per Sampler call (default: ${DEFAULT-VALUE}).")
    private int maxBatchRows;

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_CHOICES,
            description = "Most choices one request may ask for: n times its prompts (default: ${DEFAULT-VALUE}).")
    private int maxChoices;

    @Option(names = "--max-concurrent-requests", paramLabel = "N",
            defaultValue = "" + ServeSettings.DEFAULT_MAX_CONCURRENT_REQUESTS,
            description = "Sampling requests answered at once; more get 503 (default: ${DEFAULT-VALUE}).")
    private int maxConcurrentRequests;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY_BYTES,
            description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}).")
    private int maxBodyBytes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seeds the sampling of requests that bring no seed of their own (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        CheckpointDirs.checked(model, "--model");
        ServeSettings settings = settings();
        Optional<MetricsOptions.Served> metrics = metricsOptions.start("serve");
        try {
            ServeServer server;
            try {
                server = ServeServer.start(settings, model, metrics.map(MetricsOptions.Served::metrics).orElse(null));
            } catch (UncheckedIOException e) {
                throw new UsageException("--bind/--port: " + e.getMessage());
            }
            try (StopOnSignal hook = StopOnSignal.install("east-serve-shutdown", server::close,
                    server::awaitClosed, SHUTDOWN_GRACE)) {
                System.out.println("serve=" + server.baseUrl());
                System.out.flush();
                server.awaitClosed();
            }
        } finally {
            metrics.ifPresent(MetricsOptions.Served::close);
        }
        return ExitCodes.OK;
    }

    private ServeSettings settings() {
        String name = servedModelName != null ? servedModelName
                : model.toAbsolutePath().normalize().getFileName().toString();
        CheckpointRoot root = checkpointRoot == null ? null
                : Usage.check(() -> CheckpointRoot.of(checkpointRoot), "--checkpoint-root: ");
        return Usage.check(() -> ServeSettings.defaults(name).withAddress(bind, port)
                .withPrecision(precision.precision()).withMaxBatchRows(maxBatchRows).withMaxChoices(maxChoices)
                .withMaxConcurrentRequests(maxConcurrentRequests).withMaxBodyBytes(maxBodyBytes).withSeed(seed)
                .withReloadRoot(root), "");
    }
}
