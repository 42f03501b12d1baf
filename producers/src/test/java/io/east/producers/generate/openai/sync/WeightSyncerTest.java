package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.producers.generate.openai.RetryPolicy;
import io.east.producers.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, the one WARN of a version given up on, counters, and ownership, with a scripted server. */
class WeightSyncerTest {

    private static final RetryPolicy RETRY =
            new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1));
    private static final Path ROOT = Path.of("/data/checkpoints");

    private final ScriptedSync sync = new ScriptedSync();
    private final List<Duration> waits = new ArrayList<>();
    private final WeightSyncer syncer = new WeightSyncer(sync,
            ServedPathMap.parse(List.of(ROOT + "=/mnt/ckpt")), RETRY, 0, waits::add, () -> 0.5);

    @Test
    void aFailedAttemptIsRetriedWithBackoffAndTheServedVersionMovesOnlyOnSuccess() throws Exception {
        sync.outcomes.add(WeightSyncException.retryable("HTTP 503"));
        sync.outcomes.add(WeightSyncException.retryable("timed out"));

        assertThat(syncer.syncTo(3, ROOT.resolve("v000003"))).isTrue();

        assertThat(sync.loads).extracting(ServedCheckpoint::servedPath).containsExactly("/mnt/ckpt/v000003",
                "/mnt/ckpt/v000003", "/mnt/ckpt/v000003");
        assertThat(waits).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
        assertThat(syncer.servedVersion()).isEqualTo(3);
        assertThat(syncer.counters().loads()).isEqualTo(1);
        assertThat(syncer.counters().retries()).isEqualTo(2);
        assertThat(syncer.counters().failures()).isZero();
    }

    @Test
    void whenEveryAttemptFailsTheVersionIsKeptWithOneWarnAndALaterVersionStillLoads() throws Exception {
        try (LogCapture logs = new LogCapture(WeightSyncer.class)) {
            for (int i = 0; i < 3; i++) {
                sync.outcomes.add(WeightSyncException.retryable("the server could not load: out of memory"));
            }
            assertThat(syncer.syncTo(1, ROOT.resolve("v000001"))).isFalse();

            assertThat(syncer.servedVersion()).isZero();
            assertThat(syncer.counters().failures()).isEqualTo(1);
            assertThat(logs.warnings()).singleElement().asString().contains("keeping the current version",
                    "version=1", "attempts=3", "reason=the server could not load: out of memory", "kept_version=0");

            assertThat(syncer.syncTo(2, ROOT.resolve("v000002"))).isTrue();
            assertThat(syncer.servedVersion()).isEqualTo(2);
            assertThat(logs.warnings()).hasSize(1);
        }
        assertThat(syncer.counters().pausedSeconds()).isGreaterThanOrEqualTo(syncer.counters().loadSeconds());
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        sync.outcomes.add(WeightSyncException.permanent("HTTP 404"));

        assertThat(syncer.syncTo(1, ROOT.resolve("v000001"))).isFalse();
        assertThat(sync.loads).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aServerThatReportsTheCheckpointAfterAllIsTakenAtItsWord() throws Exception {
        for (int i = 0; i < 3; i++) {
            sync.outcomes.add(WeightSyncException.retryable("no complete answer within PT10M"));
        }
        sync.reportsServing = true;

        assertThat(syncer.syncTo(5, ROOT.resolve("v000005"))).isTrue();
        assertThat(syncer.servedVersion()).isEqualTo(5);
        assertThat(syncer.counters().failures()).isZero();
    }

    @Test
    void ownershipIsCheckedOnceThisProcessHasLoadedAndAConflictEscapes() throws Exception {
        assertThat(syncer.syncTo(1, ROOT.resolve("v000001"))).isTrue();
        assertThat(sync.ownershipChecks).isEmpty();

        sync.conflict = true;
        assertThatThrownBy(() -> syncer.syncTo(2, ROOT.resolve("v000002"))).isInstanceOf(SharedEndpointException.class);
        assertThat(sync.ownershipChecks).singleElement().satisfies(ours ->
                assertThat(ours).extracting(ServedCheckpoint::version).containsExactly(1L));
        assertThat(syncer.servedVersion()).isEqualTo(1);
    }

    @Test
    void aVersionGivenUpOnStillCountsAsOursWhenTheServerFinishesItLater() throws Exception {
        assertThat(syncer.syncTo(1, ROOT.resolve("v000001"))).isTrue();
        for (int i = 0; i < 3; i++) {
            sync.outcomes.add(WeightSyncException.retryable("timed out"));
        }
        assertThat(syncer.syncTo(2, ROOT.resolve("v000002"))).isFalse();

        assertThat(syncer.syncTo(3, ROOT.resolve("v000003"))).isTrue();
        assertThat(sync.ownershipChecks.get(sync.ownershipChecks.size() - 1))
                .extracting(ServedCheckpoint::version).containsExactly(1L, 2L);
    }

    /** A server whose answers the test scripts: each queued exception fails one attempt; then attempts succeed. */
    private static final class ScriptedSync implements WeightSync {
        final Deque<WeightSyncException> outcomes = new ArrayDeque<>();
        final List<ServedCheckpoint> loads = new ArrayList<>();
        final List<List<ServedCheckpoint>> ownershipChecks = new ArrayList<>();
        boolean reportsServing;
        boolean conflict;

        @Override
        public WeightSyncMode mode() {
            return WeightSyncMode.COMMAND;
        }

        @Override
        public String target() {
            return "scripted";
        }

        @Override
        public void load(ServedCheckpoint checkpoint) throws WeightSyncException {
            loads.add(checkpoint);
            WeightSyncException failure = outcomes.poll();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void checkOwnership(List<ServedCheckpoint> ours) {
            ownershipChecks.add(List.copyOf(ours));
            if (conflict) {
                throw new SharedEndpointException("someone else loaded it");
            }
        }

        @Override
        public boolean reportsServing(ServedCheckpoint checkpoint) {
            return reportsServing;
        }
    }
}
