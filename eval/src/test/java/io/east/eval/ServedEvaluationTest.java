package io.east.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import io.east.producers.generate.openai.sync.ServedPathMap;
import io.east.producers.generate.openai.sync.WeightSyncMode;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncer;
import io.east.producers.generate.openai.sync.WeightSyncs;
import io.east.producers.testing.TinyCheckpoints;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import io.east.schemas.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval --backend openai --follow: each version is loaded by the server through weight sync, then evaluated there. */
class ServedEvaluationTest {

    private static final RetryPolicy ONE_RETRY =
            new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));

    @TempDir
    Path temp;

    @Test
    void eachVersionIsEvaluatedOnTheWeightsTheServerLoadedForIt() throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        List<ModelVersion> announced = List.of(version(1, TinyCheckpoints.filesOnly(root.resolve("v000001"))),
                version(2, TinyCheckpoints.filesOnly(root.resolve("v000002"))),
                version(3, TinyCheckpoints.filesOnly(root.resolve("v000003"))));
        List<String> evaluated = new ArrayList<>();
        WeightSyncer syncer;
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueueReload(new ReloadFault.Slow(Duration.ofMillis(100)));
            syncer = follow(server, root, announced, (version, report) -> {
                evaluated.add(version.getVersion() + ":" + report.passAt1());
                if (version.getVersion() == 2) {
                    // Version 3 then fails to load on every attempt: it is not evaluated at all.
                    ReloadFault oom = new ReloadFault.Fails("out of memory");
                    server.enqueueReload(oom, oom);
                }
            });
            assertThat(server.reloads()).extracting(r -> Path.of(r.path()).getFileName().toString())
                    .containsExactly("v000001", "v000002", "v000003", "v000003");
        }
        assertThat(evaluated).containsExactly("1:0.0", "2:1.0");
        assertThat(syncer.servedVersion()).isEqualTo(2);
        assertThat(syncer.counters().failures()).isEqualTo(1);
    }

    @Test
    void aVersionWhoseCheckpointIsOutsideTheRootIsNeitherLoadedNorEvaluated() throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        Path outside = TinyCheckpoints.filesOnly(Files.createDirectories(temp.resolve("elsewhere")).resolve("v000001"));
        List<ModelVersion> announced = List.of(version(1, outside),
                version(2, TinyCheckpoints.filesOnly(root.resolve("v000002"))));
        List<Long> evaluated = new ArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            WeightSyncer syncer = follow(server, root, announced,
                    (version, report) -> evaluated.add(version.getVersion()));

            assertThat(server.reloads()).extracting(r -> Path.of(r.path()).getFileName().toString())
                    .containsExactly("v000002");
            assertThat(syncer.servedVersion()).isEqualTo(2);
        }
        assertThat(evaluated).containsExactly(2L);
    }

    /**
     * Follows {@code announced} with an evaluator on {@code server} (whose answer is right only on the weights of
     * a directory named v000002) until every version is out; returns the weight syncer it used.
     */
    private static WeightSyncer follow(FakeOpenAiServer server, Path root, List<ModelVersion> announced,
            FollowingEvaluator.Listener listener) throws Exception {
        server.respond((prompt, i) -> server.servedModelPath().endsWith("v000002") ? "#### 5" : "#### 4");
        OpenAiSettings openAi = OpenAiSettings.builder(server.baseUrl(), "fake-math").retry(ONE_RETRY).build();
        WeightSyncSettings sync = new WeightSyncSettings(WeightSyncMode.SGLANG, ServedPathMap.identity(), null,
                ONE_RETRY, Duration.ofSeconds(30), "eval-test");
        WeightSyncer syncer = new WeightSyncer(WeightSyncs.create(sync, openAi), sync, 0);
        try (OpenAiBackend backend = new OpenAiBackend(openAi, syncer::servedVersion)) {
            ServedEvaluation evaluation = new ServedEvaluation(syncer, backend,
                    new Evaluator(EvalSettings.defaults()),
                    List.of(new FeedQuestion("q", "two plus three", "5", null)));
            ListedFeed feed = new ListedFeed(announced);
            FollowingEvaluator following = new FollowingEvaluator(feed, CheckpointRoot.of(root), evaluation, listener);
            feed.whenExhausted = following::stop;
            following.run(-1);
        }
        return syncer;
    }

    private static ModelVersion version(long version, Path checkpoint) {
        return ModelVersion.newBuilder().setVersion(version).setCheckpointUri(checkpoint.toUri().toString())
                .setStep(version).setExperiment("main").setCreatedAt(Instant.now()).build();
    }

    /** Announces one more version at each poll; once all are out, runs {@link #whenExhausted}. */
    private static final class ListedFeed implements ModelVersionFeed {
        private final Deque<ModelVersion> left;
        private ModelVersion newest;
        Runnable whenExhausted = () -> { };

        ListedFeed(List<ModelVersion> versions) {
            left = new ArrayDeque<>(versions);
        }

        @Override
        public String key() {
            return "main";
        }

        @Override
        public Optional<ModelVersion> poll(Duration timeout) {
            if (left.isEmpty()) {
                whenExhausted.run();
            } else {
                newest = left.poll();
            }
            return Optional.ofNullable(newest);
        }

        @Override
        public void close() {
        }
    }
}
