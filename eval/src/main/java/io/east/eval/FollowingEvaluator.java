package io.east.eval;

import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import io.east.schemas.ModelVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates each new model version announced on east.model-versions, with the generator's rule for pointers: only
 * checkpoints under the checkpoint root are loaded; any other pointer is logged and skipped. How a version is evaluated
 * is a {@link VersionEvaluation}: its checkpoint loaded here with DJL (the default), or loaded by an OpenAI-compatible
 * server through weight sync ({@link ServedEvaluation}).
 *
 * <p>It always evaluates the newest announced version. Versions announced while an evaluation runs are passed
 * over (and logged as such), so the evaluator never falls behind a trainer that checkpoints faster than it
 * evaluates; an older checkpoint can still be evaluated on its own with {@link Evaluator#evaluateCheckpoint}.
 */
public final class FollowingEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(FollowingEvaluator.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Called after each evaluated version, on the evaluating thread; an exception from it ends {@link #run}. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(ModelVersion version, EvalReport report) throws InterruptedException;
    }

    /** Evaluates one admitted checkpoint as the given version; empty when it could not (and has said why). */
    @FunctionalInterface
    public interface VersionEvaluation {
        Optional<EvalReport> evaluate(long version, Path checkpoint) throws IOException, InterruptedException;
    }

    private final ModelVersionFeed feed;
    private final CheckpointRoot root;
    private final VersionEvaluation evaluation;
    private final Listener listener;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;

    /** Loads each version's checkpoint here, with DJL, and evaluates it. */
    public FollowingEvaluator(ModelVersionFeed feed, CheckpointRoot root, Evaluator evaluator, DjlSettings djl,
            List<FeedQuestion> questions, Listener listener) {
        this(feed, root, djlEvaluation(evaluator, djl, List.copyOf(questions)), listener);
    }

    public FollowingEvaluator(ModelVersionFeed feed, CheckpointRoot root, VersionEvaluation evaluation,
            Listener listener) {
        this.feed = feed;
        this.root = root;
        this.evaluation = evaluation;
        this.listener = listener;
    }

    private static VersionEvaluation djlEvaluation(Evaluator evaluator, DjlSettings djl, List<FeedQuestion> questions) {
        return (version, checkpoint) -> Optional.of(evaluator.evaluateCheckpoint(checkpoint, version, djl, questions));
    }

    /**
     * Evaluates every newest version above {@code after} until {@link #stop()} or interruption.
     *
     * @param after -1 to start with whatever is newest now; a version already evaluated otherwise
     */
    public void run(long after) throws InterruptedException {
        long considered = after;
        LOG.atInfo().addKeyValue("key", feed.key()).addKeyValue("after_version", after)
                .addKeyValue("checkpoint_root", root.realPath()).log("following model versions to evaluate");
        try {
            while (running) {
                Optional<ModelVersion> newest = feed.poll(POLL);
                if (newest.isEmpty() || newest.get().getVersion() <= considered) {
                    continue;
                }
                ModelVersion version = newest.get();
                if (considered >= 0 && version.getVersion() > considered + 1) {
                    LOG.atInfo().addKeyValue("version", version.getVersion()).addKeyValue("previous", considered)
                            .log("evaluating the newest version; the ones announced in between are passed over");
                }
                considered = version.getVersion();
                evaluate(version);
            }
        } finally {
            finished.countDown();
        }
    }

    private void evaluate(ModelVersion version) throws InterruptedException {
        Optional<Path> admitted = root.admitAnnounced(version, OptionalLong.empty(), LOG, "not evaluated");
        if (admitted.isEmpty()) {
            return;
        }
        Path checkpoint = admitted.get();
        EvalReport report;
        try {
            Optional<EvalReport> evaluated = evaluation.evaluate(version.getVersion(), checkpoint);
            if (evaluated.isEmpty()) {
                return;
            }
            report = evaluated.get();
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("version", version.getVersion()).addKeyValue("checkpoint", checkpoint)
                    .addKeyValue("error", e.toString()).log("model version could not be evaluated");
            return;
        }
        LOG.atInfo().addKeyValue("version", version.getVersion()).addKeyValue("questions", report.questions())
                .addKeyValue("pass_at_1", report.passAt1()).addKeyValue("maj_at_n", report.majAtN())
                .addKeyValue("seconds", report.elapsed().toSeconds()).log("model version evaluated");
        listener.evaluated(version, report);
    }

    /** Asks {@link #run} to return after the evaluation in progress. */
    public void stop() {
        running = false;
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
