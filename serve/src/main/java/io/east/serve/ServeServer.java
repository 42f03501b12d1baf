package io.east.serve;

import com.sun.net.httpserver.HttpServer;
import io.east.metrics.ProcessMetrics;
import io.east.metrics.http.LoopbackHostGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code east serve}: an OpenAI-compatible server on the JDK's HTTP server, backed by the DJL policy, with SGLang's
 * reload endpoint. Routes: {@code POST /v1/completions}, {@code POST /v1/chat/completions}, {@code GET /v1/models},
 * {@code POST /update_weights_from_disk}, {@code GET /get_model_info}, {@code GET /get_weight_version},
 * {@code GET /health}. One sampling thread owns the model and batches concurrent requests ({@link SamplingLoop}).
 */
public final class ServeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServeServer.class);
    /** Threads beyond the sampling requests' share, so health checks and reloads are answered while those wait. */
    private static final int CONTROL_THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SamplingLoop loop;
    private final ServeMeters meters;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ServeServer(HttpServer server, ExecutorService executor, SamplingLoop loop, ServeMeters meters) {
        this.server = server;
        this.executor = executor;
        this.loop = loop;
        this.meters = meters;
    }

    /**
     * Loads {@code checkpoint} (a Hugging Face Llama directory with tokenizer.json) and serves it.
     *
     * @param metrics the process's registry for the server's meters, or null to keep them private
     * @throws IOException when the checkpoint cannot be loaded
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static ServeServer start(ServeSettings settings, Path checkpoint, ProcessMetrics metrics)
            throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(checkpoint, "checkpoint");
        CheckpointLoader loader = new CheckpointLoader(settings.precision(), settings.reloadRoot());
        ServedPolicy initial = loader.loadInitial(checkpoint);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 0);
        } catch (IOException | RuntimeException e) {
            initial.close();
            throw new UncheckedIOException("cannot serve on " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        MeterRegistry registry = metrics != null ? metrics.registry() : new SimpleMeterRegistry();
        ServeMeters meters = new ServeMeters(registry);
        SamplingLoop loop = new SamplingLoop(initial, settings.maxBatchRows(), settings.seed(), meters);
        meters.bindServed(loop::info);
        ExecutorService executor = Executors.newFixedThreadPool(settings.maxConcurrentRequests() + CONTROL_THREADS,
                daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new ServeRoutes(settings, loop, new WeightReloader(loader, loop, meters), meters,
                new LoopbackHostGuard(server.getAddress().getAddress())));
        loop.start();
        server.start();
        ServeServer started = new ServeServer(server, executor, loop, meters);
        ModelInfo info = loop.info();
        LOG.atInfo().addKeyValue("url", started.baseUrl()).addKeyValue("model", settings.servedModelName())
                .addKeyValue("model_path", info.modelPath()).addKeyValue("version", info.policyVersion())
                .addKeyValue("positions", info.maxPositions()).addKeyValue("precision", settings.precision())
                .addKeyValue("max_batch_rows", settings.maxBatchRows())
                .addKeyValue("reload_root", settings.reloadRoot() == null ? "(any)" : settings.reloadRoot().realPath())
                .log("serving");
        return started;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "east-serve-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://ADDR:PORT}; the OpenAI API is below {@code /v1}. */
    public String baseUrl() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** How many Sampler calls ran and how many rows they sampled: the batching a benchmark achieved. */
    public record BatchStats(long calls, long rows) {
        public double meanRows() {
            return calls == 0 ? 0 : (double) rows / calls;
        }
    }

    public BatchStats batchStats() {
        return new BatchStats(meters.batchRows().count(), Math.round(meters.batchRows().totalAmount()));
    }

    ServeMeters meters() {
        return meters;
    }

    SamplingLoop loop() {
        return loop;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** @return false when {@code timeout} passed before {@link #close()} finished */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sampling (a running Sampler call finishes; waiting requests are answered 503), then the HTTP server, and
     * frees the weights.
     */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            loop.close();
            server.stop(1);
            executor.shutdownNow();
            LOG.atInfo().log("server stopped");
        } finally {
            closed.countDown();
        }
    }
}
