package io.east.serve;

import io.east.model.Completion;
import io.east.model.NativeMemory;
import io.east.model.Sampler;
import io.east.model.SamplerSettings;
import io.east.model.TextTokenizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the model: it takes requests and checkpoint swaps from an inbox and runs Sampler calls.
 *
 * <p>Batching: every request that arrived while the previous call ran is taken at once. The next call samples rows of
 * the oldest waiting request and of every later request with the same {@link BatchKey}, in arrival order, up to
 * {@code maxBatchRows} rows; requests with other parameters wait for a call of their own. A request cut off by the end
 * of a call continues in the very next one, so requests are finished in the order they arrived per key and the oldest
 * key goes first: nothing starves.
 *
 * <p>Swaps: a new checkpoint is put in use between calls, only when no request is partly sampled, so all the choices
 * of a request come from one checkpoint. The old checkpoint is closed (its native memory freed) before the swap is
 * reported done. Requests still waiting are then sampled with the new weights.
 */
final class SamplingLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingLoop.class);
    private static final Object STOP = new Object();
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private record Swap(ServedPolicy next, CompletableFuture<ModelInfo> done) {
    }

    private record Row(SamplingJob job, int row) {
    }

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final int maxBatchRows;
    private final SplittableRandom serverSeeds;
    private final ServeMeters meters;
    private final Semaphore gate = new Semaphore(1);
    private final Thread thread;
    private volatile ModelInfo info;
    private boolean stopping;              // guarded by submitLock
    private long nextJobId = 1;            // guarded by submitLock

    // Owned by the sampling thread.
    private ServedPolicy current;
    private final List<SamplingJob> waiting = new ArrayList<>();
    private final List<Swap> swaps = new ArrayList<>();

    SamplingLoop(ServedPolicy initial, int maxBatchRows, long seed, ServeMeters meters) {
        this.current = initial;
        this.info = initial.info();
        this.maxBatchRows = maxBatchRows;
        this.serverSeeds = new SplittableRandom(seed);
        this.meters = meters;
        this.thread = new Thread(this::run, "east-serve-sampling");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** What is served now. */
    ModelInfo info() {
        return info;
    }

    /** Queues a request; the future completes with its choices, or with an {@link ApiError}. */
    CompletableFuture<SamplingResult> submit(SamplingRequest request) throws ApiError {
        synchronized (submitLock) {
            if (stopping) {
                throw ApiError.stopping();
            }
            SamplingJob job = new SamplingJob(nextJobId++, request);
            inbox.add(job);
            meters.submitted();
            return job.result();
        }
    }

    /**
     * Queues a checkpoint to serve from the next call on. The future completes with the replaced checkpoint's info
     * once the replaced weights are freed; when the server stops first, {@code next} is closed and the future fails.
     */
    CompletableFuture<ModelInfo> swap(ServedPolicy next) {
        synchronized (submitLock) {
            if (stopping) {
                next.close();
                return CompletableFuture.failedFuture(ApiError.stopping());
            }
            Swap swap = new Swap(next, new CompletableFuture<>());
            inbox.add(swap);
            return swap.done();
        }
    }

    /** For tests: while held, the loop takes no new batch, so requests sent meanwhile pile up for one call. */
    AutoCloseable holdBatches() throws InterruptedException {
        gate.acquire();
        return gate::release;
    }

    private void run() {
        boolean stop = false;
        try {
            while (!stop) {
                if (waiting.isEmpty() && swaps.isEmpty()) {
                    stop = receive(inbox.take());
                }
                gate.acquire();
                gate.release();
                for (Object item = inbox.poll(); item != null; item = inbox.poll()) {
                    stop |= receive(item);
                }
                if (stop) {
                    break;
                }
                if (!swaps.isEmpty() && waiting.stream().noneMatch(SamplingJob::started)) {
                    applySwaps();
                } else if (!waiting.isEmpty()) {
                    sample(nextCall());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.atError().setCause(e).log("the sampling thread failed; the server answers 503 from now on");
        } finally {
            shutDown();
        }
    }

    /** @return true for the stop signal */
    private boolean receive(Object item) {
        if (item == STOP) {
            return true;
        }
        if (item instanceof Swap swap) {
            swaps.add(swap);
        } else {
            admit((SamplingJob) item);
        }
        return false;
    }

    /** Counts the prompts' tokens with the current tokenizer and queues the job, or fails it when it cannot fit. */
    private void admit(SamplingJob job) {
        ApiError refused = countPromptTokens(job);
        if (refused != null) {
            job.result().completeExceptionally(refused);
            return;
        }
        waiting.add(job);
        updateQueuedRows();
    }

    private ApiError countPromptTokens(SamplingJob job) {
        SamplingRequest request = job.request();
        int positions = current.info().maxPositions();
        TextTokenizer tokenizer = current.policy().tokenizer();
        Integer maxTokens = request.options().maxTokens();
        if (maxTokens != null && maxTokens > positions) {
            return ApiError.invalid("max_tokens", "max_tokens is " + maxTokens + " but the model has only "
                    + positions + " positions");
        }
        int[] counts = new int[request.prompts().size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = tokenizer.encode(request.prompts().get(i), true).length;
            String field = request.api().promptField() + (request.prompts().size() > 1 ? "[" + i + "]" : "");
            if (counts[i] == 0) {
                return ApiError.invalid(request.api().promptField(), field + " encodes to no tokens");
            }
            if (counts[i] >= positions) {
                return ApiError.invalid(request.api().promptField(), field + " has " + counts[i]
                        + " tokens; the model has " + positions + " positions, so a prompt may have at most "
                        + (positions - 1));
            }
        }
        job.countedPromptTokens(counts);
        return null;
    }

    private void applySwaps() {
        for (Swap swap : swaps) {
            ServedPolicy old = current;
            current = swap.next();
            info = current.info();
            meters.servedCheckpoint(info);
            old.close();
            // The old weights went back to malloc's free lists; return the pages rather than keep two models' worth.
            NativeMemory.releaseFreePages();
            swap.done().complete(old.info());
        }
        swaps.clear();
        // Nothing waiting has started, so every waiting request is counted again under the new tokenizer.
        List<SamplingJob> again = new ArrayList<>(waiting);
        waiting.clear();
        again.forEach(this::admit);
    }

    /** Rows of a partly sampled request, else the oldest, and of later ones with the same key, up to a call's worth. */
    private List<Row> nextCall() {
        BatchKey key = waiting.stream().filter(SamplingJob::started).findFirst().orElse(waiting.get(0)).key();
        List<Row> rows = new ArrayList<>();
        for (SamplingJob job : waiting) {
            if (!job.key().equals(key)) {
                continue;
            }
            while (job.hasRowsLeft() && rows.size() < maxBatchRows) {
                rows.add(new Row(job, job.takeRow()));
            }
            if (rows.size() == maxBatchRows) {
                break;
            }
        }
        return rows;
    }

    private void sample(List<Row> rows) {
        BatchKey key = rows.get(0).job().key();
        int positions = current.info().maxPositions();
        int longest = rows.stream().mapToInt(r -> r.job().promptTokens(r.row())).max().orElseThrow();
        // The call's budget shrinks where its longest prompt would otherwise run past the model's positions.
        int budget = Math.min(key.maxTokens() != null ? key.maxTokens() : Integer.MAX_VALUE, positions - longest);
        long seed = key.solo() ? rows.get(0).job().nextOwnSeed() : serverSeeds.nextLong();
        SamplerSettings settings = new SamplerSettings(key.temperature(), key.topP(), budget, key.stop(), seed, true);
        Set<SamplingJob> jobs = new LinkedHashSet<>();
        rows.forEach(r -> jobs.add(r.job()));
        long start = System.nanoTime();
        List<Completion> completions;
        try {
            completions = new Sampler(current.policy().model(), current.policy().tokenizer())
                    .generate(rows.stream().map(r -> r.job().prompt(r.row())).toList(), settings);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("rows", rows.size()).addKeyValue("error", e.toString())
                    .log("a sampling call failed; its requests fail");
            for (SamplingJob job : jobs) {
                job.result().completeExceptionally(ApiError.internal("sampling failed: " + e.getMessage()));
                waiting.remove(job);
            }
            updateQueuedRows();
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.job().fill(row.row(), SampledChoice.of(completions.get(i),
                    row.job().request().logprobs() ? current.tokenTexts() : null));
        }
        meters.samplerCall(rows.size(), jobs.size());
        LOG.atDebug().addKeyValue("rows", rows.size()).addKeyValue("requests", jobs.size())
                .addKeyValue("max_new_tokens", budget).addKeyValue("prompt_tokens", longest)
                .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("sampling call done");
        for (SamplingJob job : jobs) {
            if (job.complete()) {
                waiting.remove(job);
                job.result().complete(job.finish(info));
            }
        }
        updateQueuedRows();
    }

    private void updateQueuedRows() {
        int rows = 0;
        for (SamplingJob job : waiting) {
            rows += job.request().rows();
        }
        meters.queuedRows(rows);
    }

    /** Fails what is still queued, closes swaps never applied and the served checkpoint. */
    private void shutDown() {
        synchronized (submitLock) {
            stopping = true;
        }
        List<Object> left = new ArrayList<>();
        inbox.drainTo(left);
        for (Object item : left) {
            if (item instanceof Swap swap) {
                swaps.add(swap);
            } else if (item instanceof SamplingJob job) {
                waiting.add(job);
            }
        }
        for (Iterator<SamplingJob> it = waiting.iterator(); it.hasNext(); ) {
            it.next().result().completeExceptionally(ApiError.stopping());
            it.remove();
        }
        for (Swap swap : swaps) {
            swap.next().close();
            swap.done().completeExceptionally(ApiError.stopping());
        }
        swaps.clear();
        current.close();
        meters.queuedRows(0);
    }

    /** Stops taking requests, lets a running call finish, fails what waits, and frees the weights. */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (!stopping) {
                stopping = true;
                inbox.add(STOP);
            }
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.atWarn().addKeyValue("waited_s", STOP_WAIT.toSeconds())
                    .log("the sampling thread is still running; leaving it to the JVM's exit");
        }
    }

    boolean running() {
        return thread.isAlive();
    }
}
