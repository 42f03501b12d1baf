package io.east.producers.generate.openai.sync;

import io.east.producers.generate.openai.RetryPolicy;
import io.east.producers.generate.openai.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the server serve a model version and remembers which one it serves, so that samples carry the version that
 * made them.
 *
 * <p>A load is tried as often as the retry policy allows, with exponential backoff and jitter between attempts. When
 * every attempt fails, the server keeps the version it had (unless it reports having loaded the new one after all):
 * one WARN names the version and the reason, the failure counter rises, and the caller goes on; a later version is
 * tried as usual. Only {@link SharedEndpointException} escapes, since then no version label can be trusted.
 *
 * <p>Not thread-safe: one thread syncs, at a batch boundary (no request of this process in flight). The served version
 * is readable from any thread.
 */
public final class WeightSyncer {

    private static final Logger LOG = LoggerFactory.getLogger(WeightSyncer.class);

    private final WeightSync sync;
    private final ServedPathMap pathMap;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final WeightSyncCounters counters = new WeightSyncCounters();
    private volatile long servedVersion;
    /** What this process last made the server load; null while it serves the model it was started with. */
    private volatile ServedCheckpoint loaded;
    /** The last version given up on: the server may finish loading it after we stopped waiting. */
    private ServedCheckpoint lastFailed;

    /** @param initialVersion the version of the model the server was started with, until the first load */
    public WeightSyncer(WeightSync sync, WeightSyncSettings settings, long initialVersion) {
        this(sync, settings.pathMap(), settings.retry(), initialVersion, Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    WeightSyncer(WeightSync sync, ServedPathMap pathMap, RetryPolicy retry, long initialVersion, Sleeper sleeper,
            DoubleSupplier random) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.pathMap = Objects.requireNonNull(pathMap, "pathMap");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        if (initialVersion < 0) {
            throw new IllegalArgumentException("the initial version must be >= 0, got " + initialVersion);
        }
        this.servedVersion = initialVersion;
    }

    /** The version the server serves, as far as this process made it: what samples made now carry. */
    public long servedVersion() {
        return servedVersion;
    }

    /** The checkpoint this process last made the server load, if any. */
    public Optional<ServedCheckpoint> loaded() {
        return Optional.ofNullable(loaded);
    }

    public WeightSyncMode mode() {
        return sync.mode();
    }

    public WeightSyncCounters counters() {
        return counters;
    }

    void refused() {
        counters.refused();
    }

    /**
     * Makes the server serve {@code version} from {@code localPath}, a checkpoint already admitted under the checkpoint
     * root.
     *
     * @return true when the server now serves it; false when it keeps the version it had
     * @throws SharedEndpointException when another process reloaded the server
     */
    public boolean syncTo(long version, Path localPath) throws InterruptedException {
        ServedCheckpoint target = new ServedCheckpoint(version, localPath, pathMap.translate(localPath));
        long start = System.nanoTime();
        try {
            WeightSyncException last = null;
            int attempts = 0;
            for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
                if (attempt > 0) {
                    Duration delay = retry.backoff(attempt - 1, random);
                    LOG.atInfo().addKeyValue("version", version).addKeyValue("attempt", attempt + 1)
                            .addKeyValue("of", retry.maxRetries() + 1).addKeyValue("delay_ms", delay.toMillis())
                            .addKeyValue("cause", last.getMessage()).log("weight sync attempt failed, trying again");
                    counters.retried();
                    sleeper.sleep(delay);
                }
                attempts++;
                try {
                    if (loaded != null) {
                        sync.checkOwnership(ours());
                    }
                    sync.load(target);
                    adopt(target, start, attempts);
                    return true;
                } catch (WeightSyncException e) {
                    last = e;
                    if (!e.retryable()) {
                        break;
                    }
                }
            }
            if (sync.reportsServing(target)) {
                LOG.atInfo().addKeyValue("version", version).addKeyValue("served_path", target.servedPath())
                        .log("the server reports the checkpoint loaded after all");
                adopt(target, start, attempts);
                return true;
            }
            lastFailed = target;
            counters.failed();
            LOG.atWarn().addKeyValue("version", version).addKeyValue("checkpoint", localPath)
                    .addKeyValue("served_path", target.servedPath()).addKeyValue("via", sync.target())
                    .addKeyValue("attempts", attempts).addKeyValue("reason", last.getMessage())
                    .addKeyValue("kept_version", servedVersion)
                    .log("model version not loaded by the server; keeping the current version");
            return false;
        } finally {
            counters.paused(System.nanoTime() - start);
        }
    }

    private List<ServedCheckpoint> ours() {
        List<ServedCheckpoint> ours = new ArrayList<>(2);
        ours.add(loaded);
        if (lastFailed != null) {
            ours.add(lastFailed);
        }
        return ours;
    }

    private void adopt(ServedCheckpoint target, long start, int attempts) {
        long nanos = System.nanoTime() - start;
        long previous = servedVersion;
        loaded = target;
        servedVersion = target.version();
        lastFailed = null;
        counters.loaded(nanos);
        LOG.atInfo().addKeyValue("version", target.version()).addKeyValue("previous_version", previous)
                .addKeyValue("served_path", target.servedPath()).addKeyValue("via", sync.target())
                .addKeyValue("attempts", attempts).addKeyValue("sync_ms", Duration.ofNanos(nanos).toMillis())
                .log("the server serves a new model version");
    }
}
