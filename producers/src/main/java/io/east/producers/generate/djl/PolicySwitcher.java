package io.east.producers.generate.djl;

import io.east.model.Precision;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import io.east.schemas.ModelVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the held policy to the newest announced model version whose checkpoint lies under the checkpoint root.
 *
 * <p>Each announced version is tried once: a pointer that is refused, or a checkpoint that fails to load, is logged
 * and the current policy stays in use until a still newer version is announced. Only the newest announcement counts,
 * so a refused newest pointer also hides an older one that was never loaded: refusals mean a misconfigured trainer
 * or a hostile writer, and loading an older version then would be a guess.
 */
final class PolicySwitcher {

    private static final Logger LOG = LoggerFactory.getLogger(PolicySwitcher.class);
    private static final Duration WAIT_POLL = Duration.ofSeconds(1);

    private final ModelVersionFeed feed;
    private final Precision precision;
    private final CheckpointRoot root;
    private final PolicyHolder holder;
    private final AtomicLong switches = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedLoads = new AtomicLong();
    /** The highest version tried so far: loaded, refused or failed. */
    private long considered;

    PolicySwitcher(ModelVersionFeed feed, CheckpointRoot root, PolicyHolder holder, Precision precision) {
        this.feed = feed;
        this.precision = precision;
        this.root = root;
        this.holder = holder;
        this.considered = holder.version();
    }

    /** Blocks until an announced version has been admitted and loaded. */
    void awaitFirst() throws InterruptedException {
        LOG.atInfo().addKeyValue("key", feed.key()).addKeyValue("checkpoint_root", root.realPath())
                .log("no --init checkpoint: waiting for the first model version to be announced");
        while (holder.isEmpty()) {
            Optional<ModelVersion> newest = feed.poll(WAIT_POLL);
            if (newest.isPresent() && newest.get().getVersion() > considered) {
                tryLoad(newest.get());
            }
        }
    }

    /**
     * Between batches, without waiting for the topic: switches when a newer version has been announced.
     *
     * @return true when a new policy is now in use
     */
    boolean refresh() throws InterruptedException {
        Optional<ModelVersion> newest = feed.poll(Duration.ZERO);
        return newest.isPresent() && newest.get().getVersion() > considered && tryLoad(newest.get());
    }

    private boolean tryLoad(ModelVersion announced) {
        considered = announced.getVersion();
        Optional<Path> admitted = root.admitAnnounced(announced, holder.version(), LOG, "keeping the current model");
        if (admitted.isEmpty()) {
            refused.incrementAndGet();
            return false;
        }
        Path directory = admitted.get();
        long start = System.nanoTime();
        LoadedPolicy loaded;
        try {
            loaded = LoadedPolicy.load(directory, announced.getVersion(), precision);
        } catch (IOException | RuntimeException e) {
            failedLoads.incrementAndGet();
            LOG.atWarn().addKeyValue("version", announced.getVersion()).addKeyValue("checkpoint", directory)
                    .addKeyValue("error", e.toString()).addKeyValue("kept_version", holder.version())
                    .log("model version could not be loaded; keeping the current model");
            return false;
        }
        long previous = holder.version();
        holder.swap(loaded);
        switches.incrementAndGet();
        LOG.atInfo().addKeyValue("version", loaded.version()).addKeyValue("previous_version", previous)
                .addKeyValue("checkpoint", directory)
                .addKeyValue("load_ms", Duration.ofNanos(System.nanoTime() - start).toMillis())
                .log("switched to a new model version");
        return true;
    }

    long switches() {
        return switches.get();
    }

    long refused() {
        return refused.get();
    }

    long failedLoads() {
        return failedLoads.get();
    }
}
