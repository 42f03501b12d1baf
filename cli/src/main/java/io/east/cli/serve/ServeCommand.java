package io.east.cli.serve;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.PrecisionOption;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.producers.versions.CheckpointRoot;
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
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
public final class ServeCommand implements Callable<Integer> {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    @Option(names = "--model", paramLabel = "CKPT", required = true) private Path model;
    @Option(names = "--served-model-name", paramLabel = "NAME") private String servedModelName;
    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ServeSettings.DEFAULT_PORT) private int port;
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServeSettings.DEFAULT_BIND) private String bind;
    @Mixin private PrecisionOption precision;
    @Option(names = "--checkpoint-root", paramLabel = "DIR") private Path checkpointRoot;

    @Option(names = "--max-batch-rows", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_BATCH_ROWS)
    private int maxBatchRows;

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_CHOICES)
    private int maxChoices;

    @Option(names = "--max-concurrent-requests", paramLabel = "N",
            defaultValue = "" + ServeSettings.DEFAULT_MAX_CONCURRENT_REQUESTS)
    private int maxConcurrentRequests;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY_BYTES)
    private int maxBodyBytes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0") private long seed;
    @Mixin private MetricsOptions metricsOptions;

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
