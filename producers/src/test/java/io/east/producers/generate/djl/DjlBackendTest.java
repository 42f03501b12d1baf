package io.east.producers.generate.djl;

import io.east.model.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.testing.LogCapture;
import io.east.producers.testing.TinyCheckpoints;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFeed;
import io.east.schemas.ModelVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL backend on tiny random checkpoints, with announcements handed over by the test instead of Kafka. */
class DjlBackendTest {

    private static final SamplingParams PARAMS = new SamplingParams(1.0, 1.0, 12, List.of());
    private static final List<GenerationRequest> REQUESTS = List.of(
            new GenerationRequest("Question: What is 2+3?\nAnswer:", 3),
            new GenerationRequest("Question: Eva has 7 shells. She gets 5 more. How many?\nAnswer:", 5),
            new GenerationRequest("Q:", 1));

    @TempDir
    static Path temp;
    static Path root;
    static Path v1;
    static Path v2;
    static Path outside;

    @BeforeAll
    static void checkpoints() throws Exception {
        root = temp.resolve("checkpoints");
        v1 = TinyCheckpoints.write(root.resolve("v000001"), 1);
        v2 = TinyCheckpoints.write(root.resolve("v000002"), 2);
        outside = TinyCheckpoints.write(temp.resolve("elsewhere/v000003"), 3);
    }

    /** Announcements the test makes one at a time; a poll waits for one up to its timeout, as Kafka's does. */
    private static final class ScriptedFeed implements ModelVersionFeed {
        private final BlockingQueue<ModelVersion> arrivals = new LinkedBlockingQueue<>();
        private ModelVersion newest;
        private volatile boolean closed;

        void announce(long version, Path checkpoint) {
            arrivals.add(ModelVersion.newBuilder().setVersion(version)
                    .setCheckpointUri(checkpoint.toUri().toString()).setStep(version)
                    .setCreatedAt(Instant.ofEpochMilli(1)).build());
        }

        @Override
        public String key() {
            return "main";
        }

        @Override
        public Optional<ModelVersion> poll(Duration timeout) throws InterruptedException {
            ModelVersion next = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (; next != null; next = arrivals.poll()) {
                newest = next;
            }
            return Optional.ofNullable(newest);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<List<Generation>> generations(List<GenerationOutcome> outcomes) {
        return outcomes.stream().map(o -> ((GenerationOutcome.Generated) o).generations()).toList();
    }

    private static List<Long> versions(List<GenerationOutcome> outcomes) {
        return generations(outcomes).stream().flatMap(List::stream).map(Generation::policyVersion).distinct().toList();
    }

    @Test
    void everyRequestGetsExactlyItsNGenerationsWhateverTheRowsPerCall() throws Exception {
        try (DjlBackend backend = DjlBackend.fixed(DjlSettings.defaults().withBatchRows(4), LoadedPolicy.load(v1, 7, Precision.FP32))) {
            List<List<Generation>> generations = generations(backend.sampleAll(REQUESTS, PARAMS));

            assertThat(generations).extracting(List::size).containsExactly(3, 5, 1);
            assertThat(generations).flatExtracting(g -> g).allSatisfy(g -> {
                assertThat(g.policyVersion()).isEqualTo(7);
                assertThat(g.tokenCount()).isBetween(1, 12);
                assertThat(g.meanLogprob()).isNotNull().isNegative();
            });
            assertThat(backend.policyVersion()).isEqualTo(7);
            assertThat(backend.generatorId()).isEqualTo("djl:main");
            assertThat(backend.sample("Q:", 2, PARAMS)).hasSize(2);
        }
    }

    @Test
    void theSameSeedGivesTheSameTextsAndAnotherSeedOthers() throws Exception {
        List<String> first;
        List<String> again;
        List<String> other;
        try (DjlBackend a = DjlBackend.fixed(DjlSettings.defaults().withSeed(5), LoadedPolicy.load(v1, 1, Precision.FP32));
             DjlBackend b = DjlBackend.fixed(DjlSettings.defaults().withSeed(5), LoadedPolicy.load(v1, 1, Precision.FP32));
             DjlBackend c = DjlBackend.fixed(DjlSettings.defaults().withSeed(6), LoadedPolicy.load(v1, 1, Precision.FP32))) {
            first = texts(a.sampleAll(REQUESTS, PARAMS));
            again = texts(b.sampleAll(REQUESTS, PARAMS));
            other = texts(c.sampleAll(REQUESTS, PARAMS));
        }
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<String> texts(List<GenerationOutcome> outcomes) {
        return generations(outcomes).stream().flatMap(List::stream).map(Generation::text).toList();
    }

    @Test
    void aPromptTheModelHasNoRoomForFailsOnlyItsOwnRequest() throws Exception {
        String tooLong = "Question: " + "1 + ".repeat(80) + "1?";
        try (DjlBackend backend = DjlBackend.fixed(DjlSettings.defaults(), LoadedPolicy.load(v1, 1, Precision.FP32))) {
            List<GenerationOutcome> outcomes = backend.sampleAll(
                    List.of(new GenerationRequest(tooLong, 2), new GenerationRequest("Q:", 2)), PARAMS);

            assertThat(outcomes.get(0)).isInstanceOfSatisfying(GenerationOutcome.Failed.class, f ->
                    assertThat(f.reason()).contains("the model only 256 positions"));
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(GenerationOutcome.Generated.class, g ->
                    assertThat(g.generations()).hasSize(2));
        }
    }

    @Test
    void switchesToEachNewVersionBetweenBatchesAndRefusesPointersOutsideTheRoot() throws Exception {
        ScriptedFeed feed = new ScriptedFeed();
        feed.announce(1, v1);
        DjlBackend backend = DjlBackend.following(DjlSettings.defaults(), CheckpointRoot.of(root), null, feed);
        try (backend; LogCapture logs = new LogCapture(PolicySwitcher.class)) {
            assertThat(backend.policyVersion()).isEqualTo(1);
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).containsExactly(1L);

            feed.announce(2, v2);
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).containsExactly(2L);

            feed.announce(3, outside);
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).containsExactly(2L);
            assertThat(logs.warnings()).singleElement().asString()
                    .contains("model version refused", "checkpoint_uri=" + outside.toUri(), "kept_version=2");

            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).as("a refused version is tried once")
                    .containsExactly(2L);
            assertThat(logs.warnings()).hasSize(1);
        }
        assertThat(feed.closed).isTrue();
    }

    @Test
    void startsWithTheInitCheckpointAtTheVersionItsStateSays() throws Exception {
        Path init = TinyCheckpoints.writeVersion(temp.resolve("init"), 4, 5);
        ScriptedFeed feed = new ScriptedFeed();
        try (DjlBackend backend = DjlBackend.following(DjlSettings.defaults(), CheckpointRoot.of(root), init, feed)) {
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).containsExactly(5L);

            feed.announce(5, v1);
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).as("not newer").containsExactly(5L);

            feed.announce(6, v2);
            assertThat(versions(backend.sampleAll(REQUESTS, PARAMS))).containsExactly(6L);
        }
    }

    @Test
    void withoutInitItWaitsForTheFirstAnnouncedVersion() throws Exception {
        ScriptedFeed feed = new ScriptedFeed();
        CompletableFuture<DjlBackend> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return DjlBackend.following(DjlSettings.defaults(), CheckpointRoot.of(root), null, feed);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !opening.isDone());

        feed.announce(2, v2);
        try (DjlBackend backend = opening.get()) {
            assertThat(backend.policyVersion()).isEqualTo(2);
        }
    }
}
