package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import io.east.producers.generate.openai.sync.ServedPathMap;
import io.east.producers.generate.openai.sync.SharedEndpointException;
import io.east.producers.generate.openai.sync.SyncCommand;
import io.east.producers.generate.openai.sync.WeightSyncFollower;
import io.east.producers.generate.openai.sync.WeightSyncMode;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncedBackend;
import io.east.producers.generate.openai.sync.WeightSyncer;
import io.east.producers.testing.LogCapture;
import io.east.producers.testing.TinyCheckpoints;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFollower;
import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator worker with weight sync on a real broker, against a real HTTP server that speaks SGLang's and vLLM's
 * reload protocols: model versions are announced on east.model-versions while the worker runs. The server answers with
 * the path it serves in every response, so a test sees which weights really made a sample.
 */
class WeightSyncWorkerIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final RetryPolicy ONE_RETRY =
            new RetryPolicy(1, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path temp;

    private Path root;
    @AutoClose
    private FakeOpenAiServer server;
    private WorkerSettings settings;
    private String key;
    private VersionedTasks tasks;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        key = "sync-" + Integer.toHexString(name.hashCode());
        GenerateTopics topics = TestTopics.create(KAFKA, name, 2);
        tasks = new VersionedTasks(KAFKA, topics, key, "What is 2*3?", "6", PATIENCE);
        settings = TestTopics.worker(key, topics);
        root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        FakeOpenAiServer fake = FakeOpenAiServer.start();
        server = fake.respond((prompt, i) -> "served by " + fake.servedModelPath() + " so \\boxed{6}");
    }

    @Test
    void samplesAfterEachSwitchCarryTheNewVersionAndNoTaskMixesVersions() throws Exception {
        tasks.announce(1, checkpoint("v000001"));
        try (ProcessMetrics metrics = ProcessMetrics.create("generate");
             WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            backend.bindMetrics(metrics);
            List<String> first = List.of("first-0", "first-1", "first-2", "first-3");
            first.forEach(tasks::publish);
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().keySet().containsAll(first));
            assertThat(first).allSatisfy(task -> assertThat(tasks.versionOf(task)).isEqualTo(1));

            tasks.announce(2, checkpoint("v000002"));
            tasks.probeUntil("after-v2", probe -> tasks.versionOf(probe) == 2);
            List<String> last = List.of("last-0", "last-1", "last-2");
            last.forEach(tasks::publish);
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().keySet().containsAll(last));
            assertThat(last).allSatisfy(task -> assertThat(tasks.versionOf(task)).isEqualTo(2));

            assertThat(metrics.scrape())
                    .contains("east_generate_policy_version{component=\"generate\",key=\"" + key
                            + "\",sync=\"sglang\"} 2.0")
                    .contains("east_generate_weight_sync_seconds_count{component=\"generate\",key=\"" + key
                            + "\",sync=\"sglang\"} 2")
                    .contains("east_generate_weight_sync_failures_total{component=\"generate\",key=\"" + key
                            + "\",sync=\"sglang\"} 0.0")
                    .contains("east_generate_weight_sync_paused_seconds_total{");
            assertThat(worker.stop().deadLetters()).isZero();
        }
        assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::path)
                .containsExactly(root.resolve("v000001").toString(), root.resolve("v000002").toString());
        assertEverySampleCarriesTheVersionThatMadeIt();
        assertThat(tasks.versionsInPublishOrder()).as("1 until the switch, then 2 for good").isSorted().containsOnly(1L, 2L);
    }

    @Test
    void aFailedReloadKeepsTheOldVersionRaisesTheCounterAndALaterVersionStillLoads() throws Exception {
        tasks.announce(1, checkpoint("v000001"));
        try (LogCapture logs = new LogCapture(WeightSyncer.class);
             WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            server.enqueueReload(new ReloadFault.Fails("Failed to get weights iterator: shape mismatch"),
                    new ReloadFault.Fails("Failed to get weights iterator: shape mismatch"));
            tasks.announce(2, checkpoint("v000002"));
            String failedAt = tasks.probeUntil("after-v2", probe -> !logs.warnings().isEmpty());

            assertThat(logs.warnings()).singleElement().asString().contains("keeping the current version",
                    "version=2", "attempts=2", "shape mismatch", "kept_version=1");
            assertThat(tasks.versionOf(failedAt)).as("the old version stays").isEqualTo(1);
            assertThat(backend.syncer().counters().failures()).isEqualTo(1);
            assertThat(server.servedModelPath()).isEqualTo(root.resolve("v000001").toString());

            tasks.announce(3, checkpoint("v000003"));
            tasks.probeUntil("after-v3", probe -> tasks.versionOf(probe) == 3);
            assertThat(backend.syncer().counters().failures()).isEqualTo(1);
            assertThat(worker.stop().deadLetters()).as("the worker never stopped over it").isZero();
        }
        assertThat(server.reloads()).extracting(r -> Path.of(r.path()).getFileName().toString())
                .containsExactly("v000001", "v000002", "v000002", "v000003");
        assertEverySampleCarriesTheVersionThatMadeIt();
    }

    @Test
    void aSlowReloadRunsOutsideAnyTransactionAndTheWorkerStaysInItsGroup() throws Exception {
        server.listModels("fake-math");
        tasks.announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.VLLM, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            tasks.publish("before");
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().containsKey("before"));

            server.enqueueReload(new ReloadFault.Held());
            tasks.announce(2, checkpoint("v000002"));
            tasks.publish("during");
            await().atMost(PATIENCE).until(() -> server.reloadsInFlight() == 1);

            TransactionDescription transaction = KAFKA.admin()
                    .describeTransactions(List.of(settings.transactionalId())).description(settings.transactionalId())
                    .get();
            assertThat(transaction.state()).as("no transaction is open while the server reloads")
                    .isNotEqualTo(TransactionState.ONGOING);
            assertThat(worker.assigned()).as("the worker stays in its group meanwhile").isNotEmpty();
            assertThat(tasks.samplesByTask()).doesNotContainKey("during");

            server.releaseReloads();
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().containsKey("during"));
            assertThat(tasks.versionOf("during")).isEqualTo(2);
            assertThat(backend.syncer().counters().pausedSeconds()).isPositive();
            worker.stop();
        }
        assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::route).containsOnly("/collective_rpc");
        assertThat(server.prefixCacheResets()).isEqualTo(2);
        assertEverySampleCarriesTheVersionThatMadeIt();
    }

    @Test
    void theServerIsGivenTheTranslatedPath() throws Exception {
        tasks.announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG,
                ServedPathMap.parse(List.of(root + "=/mnt/remote/checkpoints")), null);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            tasks.publish("mapped");
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().containsKey("mapped"));
            worker.stop();
        }
        assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::path)
                .containsExactly("/mnt/remote/checkpoints/v000001");
        assertThat(tasks.versionOf("mapped")).isEqualTo(1);
        assertThat(tasks.samplesByTask().get("mapped")).allSatisfy(s -> assertThat(s.getResponse())
                .contains("served by /mnt/remote/checkpoints/v000001"));
    }

    @Test
    void pointersOutsideTheRootAreRefusedAndACommandLoadsTheOthers() throws Exception {
        Path loads = temp.resolve("loads.txt");
        // The command is sh itself, run without a shell: $0 is the log file, $1 the path, $2 the version.
        SyncCommand command = SyncCommand.parse("sh -c 'echo \"$2 $1\" >> \"$0\"' " + loads + " {path} {version}");
        Path outside = TinyCheckpoints.filesOnly(temp.resolve("elsewhere/v000002"));
        Path linkedOut = Files.createSymbolicLink(root.resolve("v000003"), outside);
        tasks.announce(1, checkpoint("v000001"));
        try (LogCapture logs = new LogCapture(WeightSyncFollower.class);
             WeightSyncedBackend backend = backend(WeightSyncMode.COMMAND, ServedPathMap.identity(), command);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            tasks.publish("first");
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().containsKey("first"));

            tasks.announce(2, outside);
            tasks.probeUntil("after-outside", probe -> logs.warnings().size() == 1);
            tasks.announce(3, linkedOut);
            String refusedAt = tasks.probeUntil("after-link", probe -> logs.warnings().size() == 2);

            assertThat(logs.warnings()).allSatisfy(warning -> assertThat(warning)
                    .contains("model version refused", "outside the checkpoint root", "kept_version=1"));
            assertThat(tasks.versionOf(refusedAt)).isEqualTo(1);
            assertThat(backend.syncer().counters().refusedPointers()).isEqualTo(2);
            worker.stop();
        }
        assertThat(Files.readAllLines(loads)).containsExactly("1 " + root.resolve("v000001"));
    }

    @Test
    void anotherProcessReloadingTheServerStopsTheWorkerBeforeItMislabelsSamples() throws Exception {
        tasks.announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            tasks.publish("mine");
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().containsKey("mine"));

            server.serve(temp.resolve("theirs").toString(), "east:another-worker:v7");
            tasks.announce(2, checkpoint("v000002"));
            tasks.publish("after-takeover");
            await().atMost(PATIENCE).until(() -> worker.failure() != null);

            assertThat(worker.failure()).hasRootCauseInstanceOf(SharedEndpointException.class)
                    .rootCause().hasMessageContaining("east:another-worker:v7")
                    .hasMessageContaining("one worker per endpoint");
        }
        assertThat(tasks.samplesByTask()).containsOnlyKeys("mine");
        assertThat(server.reloads()).hasSize(1);
    }

    private WeightSyncedBackend backend(WeightSyncMode mode, ServedPathMap map, SyncCommand command)
            throws InterruptedException {
        OpenAiSettings openAi = OpenAiSettings.builder(server.baseUrl() + "/v1", "fake-math").retry(ONE_RETRY)
                .requestTimeout(Duration.ofSeconds(20)).build();
        WeightSyncSettings sync = new WeightSyncSettings(mode, map, command, ONE_RETRY, Duration.ofSeconds(60),
                settings.workerId());
        return WeightSyncedBackend.start(openAi, sync, CheckpointRoot.of(root),
                ModelVersionFollower.connect(KAFKA.clientProps(), key), Duration.ofSeconds(30));
    }

    /** Every sample says which weights made it; that must be the checkpoint of the version it carries. */
    private void assertEverySampleCarriesTheVersionThatMadeIt() {
        assertThat(tasks.samplesByTask()).allSatisfy((task, samples) -> {
            assertThat(samples).as(task).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2);
            assertThat(samples).as(task + ": one version per task").extracting(ReasoningSample::getPolicyVersion)
                    .containsOnly(samples.get(0).getPolicyVersion());
            assertThat(samples).allSatisfy(s -> assertThat(s.getResponse())
                    .contains(String.format("v%06d", s.getPolicyVersion())));
        });
    }

    private Path checkpoint(String name) throws Exception {
        return TinyCheckpoints.filesOnly(root.resolve(name));
    }
}
