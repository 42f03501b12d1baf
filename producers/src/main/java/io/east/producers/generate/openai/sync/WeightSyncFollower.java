package io.east.producers.generate.openai.sync;

import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import io.east.schemas.ModelVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows east.model-versions for one key and has the {@link WeightSyncer} load each newest version, with the DJL
 * backend's pointer rules: only checkpoints whose directory and files lie under the checkpoint root (links and
 * {@code ..} resolved, see {@link CheckpointRoot}) are loaded; any other pointer is refused with one WARN and the server
 * keeps its version.
 *
 * <p>Each announced version is tried once (loaded, refused or failed); only a newer announcement is tried after that.
 * Not thread-safe: the thread that samples calls it between batches.
 */
public final class WeightSyncFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeightSyncFollower.class);
    /** A broker that cannot say where the topic ends within this delays the batch no longer: it is sampled as is. */
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(5);

    private final ModelVersionFeed feed;
    private final CheckpointRoot root;
    private final WeightSyncer syncer;
    /** The highest version tried so far; -1 before the first. */
    private long considered = -1;

    public WeightSyncFollower(ModelVersionFeed feed, CheckpointRoot root, WeightSyncer syncer) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.root = Objects.requireNonNull(root, "root");
        this.syncer = Objects.requireNonNull(syncer, "syncer");
    }

    public WeightSyncer syncer() {
        return syncer;
    }

    public String key() {
        return feed.key();
    }

    /**
     * At start, before any sample: reads what was announced so far and has the server load the newest version, so a
     * restarted worker serves the newest version from its first batch.
     */
    public void catchUp(Duration timeout) throws InterruptedException {
        Optional<ModelVersion> newest = feed.pollToEnd(timeout);
        if (newest.isEmpty()) {
            LOG.atInfo().addKeyValue("key", feed.key()).addKeyValue("version", syncer.servedVersion())
                    .log("no model version announced yet: the server's own model is served as this version");
            return;
        }
        consider(newest.get());
    }

    /**
     * At a batch boundary: reads what was announced up to now (one offsets request when nothing is new) and has the
     * server load a newly announced version, so the first batch after an announcement is sampled with it.
     *
     * @return true when the server now serves a new version
     */
    public boolean refresh() throws InterruptedException {
        Optional<ModelVersion> newest = feed.pollToEnd(REFRESH_TIMEOUT);
        return newest.isPresent() && newest.get().getVersion() > considered && consider(newest.get());
    }

    private boolean consider(ModelVersion announced) throws InterruptedException {
        considered = announced.getVersion();
        Optional<Path> directory = root.admitAnnounced(announced, syncer.servedVersion(), LOG,
                "the server keeps the current version");
        if (directory.isEmpty()) {
            syncer.refused();
            return false;
        }
        return syncer.syncTo(announced.getVersion(), directory.get());
    }

    @Override
    public void close() {
        feed.close();
    }
}
