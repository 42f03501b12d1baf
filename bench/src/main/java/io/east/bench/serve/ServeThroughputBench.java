package io.east.bench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.bench.Median;
import io.east.bench.generate.DjlGenerationBench;
import io.east.model.Checkpoints;
import io.east.model.FileTrees;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.synthetic.Split;
import io.east.producers.synthetic.SyntheticDataset;
import io.east.serve.ServeServer;
import io.east.serve.ServeSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints (asserts nothing) what {@code east serve} makes of the DJL policy against the policy sampled in-process:
 *
 * <ol>
 *   <li>the in-process figure is {@link DjlGenerationBench}'s (one {@code sampleAll} of {@code tasks} x n rows per
 *       batch) on a fresh demo-sized model;</li>
 *   <li>the served figure runs the same model in a {@link ServeServer} in this JVM and drives it over loopback HTTP
 *       with {@code clients} threads, each sending one completions request of n choices at a time, for the same
 *       prompts (synthetic test split, default template) and sampling parameters, {@code rounds} x {@code tasks}
 *       requests after a warm-up round;</li>
 *   <li>reload latency: {@code /update_weights_from_disk} alternating between two demo-sized checkpoints, as the
 *       client sees it, and until the first greedy token made by the new weights has come back.</li>
 * </ol>
 */
public final class ServeThroughputBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param load    what each round asks, as the in-process bench asks it
     * @param clients concurrent HTTP clients; at least {@code batchRows / n} keep every Sampler call full
     * @param reloads timed reloads
     */
    public record Options(DjlGenerationBench.Options load, int clients, int reloads) {
        public Options {
            Objects.requireNonNull(load, "load");
            if (clients < 1 || reloads < 0) {
                throw new IllegalArgumentException("clients must be >= 1, reloads >= 0");
            }
        }
    }

    /** What one run measured. */
    public record Result(double inProcessSamplesPerSecond, double servedSamplesPerSecond, double meanBatchRows,
            List<Long> reloadMillis, List<Long> reloadToFirstTokenMillis) {
        public double ratio() {
            return servedSamplesPerSecond / inProcessSamplesPerSecond;
        }
    }

    private record Served(long samples, long tokens, double seconds) {
    }

    private ServeThroughputBench() {
    }

    public static Result run(PrintStream out, Options options) throws IOException, InterruptedException {
        DjlGenerationBench.Options load = options.load();
        DjlGenerationBench.Result inProcess = DjlGenerationBench.run(out, load);
        Path dir = Files.createTempDirectory("east-serve-bench");
        try {
            Path a = dir.resolve("a");
            Path b = dir.resolve("b");
            Checkpoints.writeFresh(a, DjlGenerationBench.DEMO_MODEL, load.seed());
            Checkpoints.writeFresh(b, DjlGenerationBench.DEMO_MODEL, load.seed() + 1);
            ServeSettings settings = ServeSettings.defaults("demo").withAddress("127.0.0.1", 0)
                    .withMaxBatchRows(load.batchRows()).withSeed(load.seed());
            try (ServeServer server = ServeServer.start(settings, a, null)) {
                Client client = new Client(server.baseUrl());
                List<String> bodies = requestBodies(load);
                out.printf(Locale.ROOT, "serve bench: the same model behind east serve (in this JVM), %d HTTP "
                        + "clients, %d requests x n=%d per round, max_tokens %d, max batch rows %d%n",
                        options.clients(), load.tasks(), load.n(), load.maxNewTokens(), load.batchRows());
                drive(client, bodies, options.clients());                     // warm-up
                ServeServer.BatchStats before = server.batchStats();
                List<String> timed = new ArrayList<>();
                for (int round = 0; round < load.rounds(); round++) {
                    timed.addAll(bodies);
                }
                Served served = drive(client, timed, options.clients());
                ServeServer.BatchStats after = server.batchStats();
                double meanRows = (double) (after.rows() - before.rows()) / (after.calls() - before.calls());
                double samplesPerSecond = served.samples() / served.seconds();
                out.printf(Locale.ROOT, "%.1f samples/s  %.0f tokens/s  (%d samples, %.1f tokens/sample, %.1f rows "
                                + "per Sampler call, %.2f s)%n", samplesPerSecond, served.tokens() / served.seconds(),
                        served.samples(), (double) served.tokens() / served.samples(), meanRows, served.seconds());
                out.printf(Locale.ROOT, "served / in-process: %.2fx (goal >= 0.8x)%n",
                        samplesPerSecond / inProcess.samplesPerSecond());
                List<Long> reloadMillis = new ArrayList<>();
                List<Long> firstTokenMillis = new ArrayList<>();
                reloads(client, options.reloads(), List.of(b, a), reloadMillis, firstTokenMillis);
                if (!reloadMillis.isEmpty()) {
                    out.printf(Locale.ROOT, "reload (update_weights_from_disk, demo-sized model, %d times): median %.0f "
                                    + "ms, min %d, max %d; to the first token of the new weights: median %.0f ms, max %d%n",
                            reloadMillis.size(), Median.of(reloadMillis), reloadMillis.stream().min(Long::compare).get(),
                            reloadMillis.stream().max(Long::compare).get(), Median.of(firstTokenMillis),
                            firstTokenMillis.stream().max(Long::compare).get());
                }
                return new Result(inProcess.samplesPerSecond(), samplesPerSecond, meanRows, reloadMillis,
                        firstTokenMillis);
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    private static List<String> requestBodies(DjlGenerationBench.Options load) {
        SamplingParams params = new SamplingParams(SamplingParams.DEFAULT_TEMPERATURE, SamplingParams.DEFAULT_TOP_P,
                load.maxNewTokens(), SamplingParams.DEFAULT_STOP);
        return new SyntheticDataset(load.seed()).split(Split.TEST, load.tasks()).stream().map(problem -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("model", "demo");
            body.put("prompt", PromptTemplate.DEFAULT.fill(problem.question()));
            body.put("n", load.n());
            body.put("temperature", params.temperature());
            body.put("top_p", params.topP());
            body.put("max_tokens", params.maxNewTokens());
            params.stop().forEach(body.putArray("stop")::add);
            body.put("logprobs", 1);
            return body.toString();
        }).toList();
    }

    /** Sends every body once, {@code clients} at a time, each client its next body as soon as one is answered. */
    private static Served drive(Client client, List<String> bodies, int clients) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong samples = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        JsonNode reply = client.post("/v1/completions", bodies.get(i));
                        samples.addAndGet(reply.path("choices").size());
                        tokens.addAndGet(reply.path("usage").path("completion_tokens").asLong());
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Served(samples.get(), tokens.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void reloads(Client client, int count, List<Path> checkpoints, List<Long> reloadMillis,
            List<Long> firstTokenMillis) throws InterruptedException {
        String firstToken = "{\"prompt\": \"Question: 1 + 1?\", \"max_tokens\": 1, \"temperature\": 0}";
        for (int i = 0; i < count; i++) {
            Path target = checkpoints.get(i % checkpoints.size());
            long start = System.nanoTime();
            JsonNode answer = client.post("/update_weights_from_disk",
                    JSON.createObjectNode().put("model_path", target.toString()).toString());
            if (!answer.path("success").asBoolean()) {
                throw new IllegalStateException("reload failed: " + answer);
            }
            reloadMillis.add((System.nanoTime() - start) / 1_000_000);
            client.post("/v1/completions", firstToken);
            firstTokenMillis.add((System.nanoTime() - start) / 1_000_000);
        }
    }

    /** JSON over loopback HTTP; a non-200 answer is a failure of the bench. */
    private static final class Client {
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        Client(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        JsonNode post(String path, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(path + ": interrupted", e);
            }
        }
    }
}
