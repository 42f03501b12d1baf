package io.east.producers.generate.openai;

import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples from an OpenAI-compatible server. A task's n responses are asked for with the API's {@code n}; servers
 * that return fewer choices than asked (llama.cpp and Ollama ignore n) are asked again for the rest, so
 * {@link #sample} returns exactly n or throws. The tasks of a batch run in parallel, at most {@code concurrency}
 * requests at a time.
 *
 * <p>Every generation carries the policy version the server serves: {@link OpenAiSettings#policyVersion()} for a
 * server whose weights never change, or what a weight sync reports it loaded (see {@code openai.sync}). The version is
 * read once per {@link #sampleAll} call, so all generations of one batch carry the same one.
 */
public final class OpenAiBackend implements GenerationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiBackend.class);

    private final OpenAiSettings settings;
    private final LongSupplier servedVersion;
    private final OpenAiTransport transport;
    private final ExecutorService tasks;

    /** A backend whose samples all carry {@link OpenAiSettings#policyVersion()}. */
    public OpenAiBackend(OpenAiSettings settings) {
        this(settings, settings::policyVersion);
    }

    /**
     * A backend whose samples carry what {@code servedVersion} says when a batch starts: the version a weight sync
     * confirmed the server loaded.
     */
    public OpenAiBackend(OpenAiSettings settings, LongSupplier servedVersion) {
        this(settings, servedVersion, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(),
                Clock.systemUTC());
    }

    OpenAiBackend(OpenAiSettings settings, Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this(settings, settings::policyVersion, sleeper, random, clock);
    }

    OpenAiBackend(OpenAiSettings settings, LongSupplier servedVersion, Sleeper sleeper, DoubleSupplier random,
            Clock clock) {
        this.settings = settings;
        this.servedVersion = Objects.requireNonNull(servedVersion, "servedVersion");
        HttpClient client = HttpClient.newBuilder()
                // Plain HTTP/1.1: several local servers mishandle the h2c upgrade the JDK would otherwise offer.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.transport = new OpenAiTransport(client, settings, sleeper, random, clock);
        AtomicInteger threads = new AtomicInteger();
        this.tasks = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "east-openai-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LOG.atInfo().addKeyValue("url", transport.url()).addKeyValue("model", settings.model())
                .addKeyValue("concurrency", settings.concurrency()).addKeyValue("api_key", settings.apiKey())
                .log("OpenAI-compatible backend ready");
    }

    @Override
    public List<Generation> sample(String prompt, int n, SamplingParams params)
            throws GenerationException, InterruptedException {
        return sample(prompt, n, params, servedVersion.getAsLong());
    }

    private List<Generation> sample(String prompt, int n, SamplingParams params, long version)
            throws GenerationException, InterruptedException {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        List<Generation> generations = new ArrayList<>(n);
        int requests = 0;
        // Each successful response carries at least one choice, so this loop makes at most n requests.
        while (generations.size() < n) {
            int wanted = n - generations.size();
            if (settings.maxChoicesPerRequest() > 0) {
                wanted = Math.min(wanted, settings.maxChoicesPerRequest());
            }
            List<Generation> got = transport.post(OpenAiRequests.body(settings, prompt, wanted, params), version);
            requests++;
            generations.addAll(got.size() > wanted ? got.subList(0, wanted) : got);
        }
        if (requests > 1) {
            LOG.atDebug().addKeyValue("n", n).addKeyValue("requests", requests)
                    .log("the server returned fewer choices than asked; asked again for the rest");
        }
        return generations;
    }

    @Override
    public List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
            throws InterruptedException {
        long version = servedVersion.getAsLong();
        List<Future<GenerationOutcome>> futures = new ArrayList<>(requests.size());
        for (GenerationRequest request : requests) {
            futures.add(tasks.submit(() -> {
                try {
                    return GenerationOutcome.of(sample(request.prompt(), request.n(), params, version));
                } catch (GenerationException e) {
                    return GenerationOutcome.failed(e);
                }
            }));
        }
        List<GenerationOutcome> outcomes = new ArrayList<>(requests.size());
        try {
            for (Future<GenerationOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("sampling failed unexpectedly: " + e.getCause(), e.getCause());
        }
        return outcomes;
    }

    @Override
    public long policyVersion() {
        return servedVersion.getAsLong();
    }

    @Override
    public String generatorId() {
        return "openai:" + settings.model();
    }

    @Override
    public void close() {
        tasks.shutdownNow();
    }
}
