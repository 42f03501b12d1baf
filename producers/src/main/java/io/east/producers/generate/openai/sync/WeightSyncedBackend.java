package io.east.producers.generate.openai.sync;

import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible backend with weight sync: the server follows the model versions announced on
 * east.model-versions.
 *
 * <p>The worker calls {@link #sampleAll} once per polled batch, and only after the previous call returned, so when it
 * starts no request of this worker is in flight: that batch boundary is where a newly announced version is loaded
 * (stop taking tasks, load, confirm, resume). The whole batch is then sampled with one served version, so a task's n
 * samples never mix versions, and they carry the version the server confirmed. A sync runs on the generating thread,
 * before any sample of the batch exists and outside the Kafka transaction, which only begins once the batch is
 * generated; the worker keeps polling (partitions paused) meanwhile, so it stays in its group.
 *
 * <p>Sampling this way is only truthful while no other process reloads the server: one worker per endpoint (see
 * {@link SharedEndpointException}).
 */
public final class WeightSyncedBackend implements GenerationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(WeightSyncedBackend.class);

    private final OpenAiBackend backend;
    private final WeightSyncFollower follower;

    public WeightSyncedBackend(OpenAiBackend backend, WeightSyncFollower follower) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.follower = Objects.requireNonNull(follower, "follower");
    }

    /**
     * A backend for {@code server} that follows {@code feed} (which it then owns) and, before returning, has the server
     * load the newest version announced so far.
     *
     * @param catchUp how long to wait for the announcements made so far
     */
    public static WeightSyncedBackend start(OpenAiSettings server, WeightSyncSettings sync, CheckpointRoot root,
            ModelVersionFeed feed, Duration catchUp) throws InterruptedException {
        Objects.requireNonNull(feed, "feed");
        try {
            WeightSyncer syncer = new WeightSyncer(WeightSyncs.create(sync, server), sync, server.policyVersion());
            WeightSyncFollower follower = new WeightSyncFollower(feed, root, syncer);
            LOG.atInfo().addKeyValue("sync", sync.mode().id()).addKeyValue("key", feed.key())
                    .addKeyValue("checkpoint_root", root.realPath()).addKeyValue("path_map", sync.pathMap())
                    .addKeyValue("owner", sync.owner()).log("weight sync on: catching up with the announced versions");
            follower.catchUp(catchUp);
            return new WeightSyncedBackend(new OpenAiBackend(server, syncer::servedVersion), follower);
        } catch (InterruptedException | RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    public WeightSyncer syncer() {
        return follower.syncer();
    }

    @Override
    public List<Generation> sample(String prompt, int n, SamplingParams params)
            throws GenerationException, InterruptedException {
        return backend.sample(prompt, n, params);
    }

    @Override
    public synchronized List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
            throws InterruptedException {
        follower.refresh();
        return backend.sampleAll(requests, params);
    }

    @Override
    public long policyVersion() {
        return follower.syncer().servedVersion();
    }

    @Override
    public String generatorId() {
        return backend.generatorId();
    }

    /** Publishes the served version and the sync meters (see {@link WeightSyncMeters}), tagged with the followed key. */
    public void bindMetrics(ProcessMetrics metrics) {
        WeightSyncMeters.bind(metrics.registry(), follower.key(), follower.syncer());
    }

    /** Waits for a batch in progress (interrupted, it ends at once), then stops following and frees the threads. */
    @Override
    public synchronized void close() {
        try {
            backend.close();
        } finally {
            follower.close();
        }
    }
}
