package io.east.eval;

import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.openai.sync.WeightSyncer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a model version through an OpenAI-compatible server: the server is made to load the version's checkpoint
 * with the generator's weight sync (same routes, same path map, same retries), then the questions are sampled from
 * it, so eval measures what generation serves. The server is not synced again during an evaluation, so every answer of
 * one evaluation comes from one version. A version the server does not load is not evaluated; the syncer has logged
 * why.
 */
public final class ServedEvaluation implements FollowingEvaluator.VersionEvaluation {

    private final WeightSyncer syncer;
    private final GenerationBackend backend;
    private final Evaluator evaluator;
    private final List<FeedQuestion> questions;

    /** @param backend samples from the server {@code syncer} reloads, without syncing on its own */
    public ServedEvaluation(WeightSyncer syncer, GenerationBackend backend, Evaluator evaluator,
            List<FeedQuestion> questions) {
        this.syncer = Objects.requireNonNull(syncer, "syncer");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.questions = List.copyOf(questions);
    }

    @Override
    public Optional<EvalReport> evaluate(long version, Path checkpoint) throws InterruptedException {
        if (!syncer.syncTo(version, checkpoint)) {
            return Optional.empty();
        }
        return Optional.of(evaluator.evaluate(backend, questions));
    }
}
