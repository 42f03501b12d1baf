package io.east.producers.generate.djl;

import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.CheckpointVersion;
import io.east.producers.versions.ModelVersionFeed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples with the DJL policy of the model module: batched KV-cache generation on this machine's CPU or GPU.
 *
 * <p>A following backend reads east.model-versions and, at the start of each batch ({@link #sampleAll}), switches
 * to the newest announced version whose checkpoint lies under the checkpoint root (see {@link CheckpointRoot}); the
 * old weights are freed once the new ones are in use. A batch is sampled by one policy throughout, so all n samples
 * of a task carry the same {@code policy_version}: the version of the weights that made them. Sampling seeds are
 * derived as {@link SamplingSeeds} says.
 *
 * <p>The worker calls {@link #sampleAll} from one thread; {@link #close()} waits for a call in progress (which stops
 * between Sampler calls once its thread is interrupted) so weights are never freed under a running forward pass.
 */
public final class DjlBackend implements GenerationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DjlBackend.class);

    private final DjlSettings settings;
    private final PolicyHolder holder;
    private final PolicySwitcher switcher;
    private final ModelVersionFeed feed;
    private long calls;
    private boolean closed;

    private DjlBackend(DjlSettings settings, PolicyHolder holder, PolicySwitcher switcher, ModelVersionFeed feed) {
        this.settings = settings;
        this.holder = holder;
        this.switcher = switcher;
        this.feed = feed;
    }

    /**
     * A backend that follows {@code feed}, which it then owns. It starts with {@code init} when given (trusted as the
     * operator's choice, wherever it lies; its version is that of its east-state.json, else 0), and otherwise blocks
     * until the first announced version under {@code root} is loaded.
     *
     * @param init null to wait for the first announced version
     * @throws InterruptedException when interrupted while waiting for the first version
     */
    public static DjlBackend following(DjlSettings settings, CheckpointRoot root, Path init, ModelVersionFeed feed)
            throws IOException, InterruptedException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(feed, "feed");
        PolicyHolder holder = new PolicyHolder();
        try {
            if (init != null) {
                holder.swap(LoadedPolicy.load(init, CheckpointVersion.of(init), settings.precision()));
                LOG.atInfo().addKeyValue("version", holder.version()).addKeyValue("checkpoint", init)
                        .log("starting with the --init checkpoint");
            }
            PolicySwitcher switcher = new PolicySwitcher(feed, root, holder, settings.precision());
            if (init == null) {
                switcher.awaitFirst();
            }
            LOG.atInfo().addKeyValue("key", feed.key()).addKeyValue("version", holder.version())
                    .addKeyValue("checkpoint_root", root.realPath()).addKeyValue("batch_rows", settings.batchRows())
                    .addKeyValue("seed", settings.seed()).addKeyValue("precision", settings.precision())
                    .log("DJL backend ready");
            return new DjlBackend(settings, holder, switcher, feed);
        } catch (IOException | InterruptedException | RuntimeException e) {
            holder.close();
            feed.close();
            throw e;
        }
    }

    /** A backend that samples with {@code policy} until closed, never switching: for evaluation and benchmarks. */
    public static DjlBackend fixed(DjlSettings settings, LoadedPolicy policy) {
        return new DjlBackend(Objects.requireNonNull(settings, "settings"),
                new PolicyHolder(Objects.requireNonNull(policy, "policy")), null, null);
    }

    @Override
    public List<Generation> sample(String prompt, int n, SamplingParams params)
            throws GenerationException, InterruptedException {
        GenerationOutcome outcome = sampleAll(List.of(new GenerationRequest(prompt, n)), params).get(0);
        if (outcome instanceof GenerationOutcome.Failed failed) {
            throw new GenerationException(failed.reason());
        }
        return ((GenerationOutcome.Generated) outcome).generations();
    }

    @Override
    public synchronized List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
            throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the DJL backend is closed");
        }
        if (switcher != null) {
            switcher.refresh();
        }
        LoadedPolicy policy = holder.current();
        long call = calls++;
        return BatchedSampling.run(policy, requests, params, settings.batchRows(),
                chunk -> SamplingSeeds.of(settings.seed(), policy.version(), call, chunk));
    }

    @Override
    public long policyVersion() {
        return Math.max(0, holder.version());
    }

    @Override
    public String generatorId() {
        return "djl:" + settings.modelKey();
    }

    /**
     * Publishes the version in use ({@code east_generate_policy_version}) and, when following, the switches, refused
     * pointers and failed loads, tagged with the followed key.
     */
    public void bindMetrics(ProcessMetrics metrics) {
        MeterRegistry registry = metrics.registry();
        Tags tags = Tags.of("key", settings.modelKey());
        Gauge.builder("east.generate.policy.version", holder, PolicyHolder::version)
                .description("The model version the DJL backend samples with").tags(tags).register(registry);
        if (switcher != null) {
            counter(registry, "east.generate.policy.switches", "Switches to a newly announced model version", tags,
                    s -> s.switches());
            counter(registry, "east.generate.policy.refused", "Announced checkpoints refused: not under the root",
                    tags, s -> s.refused());
            counter(registry, "east.generate.policy.load.failures", "Announced checkpoints that failed to load",
                    tags, s -> s.failedLoads());
        }
    }

    private void counter(MeterRegistry registry, String name, String description, Tags tags,
            ToDoubleFunction<PolicySwitcher> value) {
        FunctionCounter.builder(name, switcher, value).description(description).tags(tags).register(registry);
    }

    /** Waits for a batch in progress, then frees the weights and stops following. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (feed != null) {
                feed.close();
            }
        } finally {
            holder.close();
        }
    }
}
