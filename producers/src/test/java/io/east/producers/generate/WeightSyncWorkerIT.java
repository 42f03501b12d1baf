package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.metrics.ProcessMetrics;
import io.east.producers.generate.djl.CheckpointRoot;
import io.east.producers.generate.djl.ModelVersionFollower;
import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import io.east.producers.generate.openai.sync.ServedPathMap;
import io.east.producers.generate.openai.sync.SharedEndpointException;
import io.east.producers.generate.openai.sync.SyncCommand;
import io.east.producers.generate.openai.sync.WeightSyncMode;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncedBackend;
import io.east.producers.generate.openai.sync.WeightSyncer;
import io.east.producers.generate.openai.sync.WeightSyncFollower;
import io.east.producers.testing.LogCapture;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.AfterEach;
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
    private static final int N = 3;
    private static final int MAX_PROBES = 20;
    private static final RetryPolicy ONE_RETRY =
            new RetryPolicy(1, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path temp;

    private Path root;
    private FakeOpenAiServer server;
    private GenerateTopics topics;
    private WorkerSettings settings;
    private String key;
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        key = "sync-" + Integer.toHexString(name.hashCode());
        topics = new GenerateTopics(KAFKA.createTopic(name + ".questions", 2), KAFKA.createTopic(name + ".samples", 2),
                KAFKA.createTopic(name + ".dlq", 1));
        settings = WorkerSettings.defaults("it-" + key).withGroup("group-" + key).withTopics(topics).withBatchSize(2);
        root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        FakeOpenAiServer fake = FakeOpenAiServer.start();
        server = fake.respond((prompt, i) -> "served by " + fake.servedModelPath() + " so \\boxed{6}");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void samplesAfterEachSwitchCarryTheNewVersionAndNoTaskMixesVersions() throws Exception {
        announce(1, checkpoint("v000001"));
        try (ProcessMetrics metrics = ProcessMetrics.create("generate");
             WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            backend.bindMetrics(metrics);
            List<String> first = List.of("first-0", "first-1", "first-2", "first-3");
            first.forEach(this::publishTask);
            await().atMost(PATIENCE).until(() -> samplesByTask().keySet().containsAll(first));
            assertThat(first).allSatisfy(task -> assertThat(versionOf(task)).isEqualTo(1));

            announce(2, checkpoint("v000002"));
            probeUntil("after-v2", probe -> versionOf(probe) == 2);
            List<String> last = List.of("last-0", "last-1", "last-2");
            last.forEach(this::publishTask);
            await().atMost(PATIENCE).until(() -> samplesByTask().keySet().containsAll(last));
            assertThat(last).allSatisfy(task -> assertThat(versionOf(task)).isEqualTo(2));

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
        List<Long> inPublishOrder = published.stream().map(this::versionOf).toList();
        assertThat(inPublishOrder).as("1 until the switch, then 2 for good").isSorted().containsOnly(1L, 2L);
    }

    @Test
    void aFailedReloadKeepsTheOldVersionRaisesTheCounterAndALaterVersionStillLoads() throws Exception {
        announce(1, checkpoint("v000001"));
        try (LogCapture logs = new LogCapture(WeightSyncer.class);
             WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            server.enqueueReload(new ReloadFault.Fails("Failed to get weights iterator: shape mismatch"),
                    new ReloadFault.Fails("Failed to get weights iterator: shape mismatch"));
            announce(2, checkpoint("v000002"));
            String failedAt = probeUntil("after-v2", probe -> !logs.warnings().isEmpty());

            assertThat(logs.warnings()).singleElement().asString().contains("keeping the current version",
                    "version=2", "attempts=2", "shape mismatch", "kept_version=1");
            assertThat(versionOf(failedAt)).as("the old version stays").isEqualTo(1);
            assertThat(backend.syncer().counters().failures()).isEqualTo(1);
            assertThat(server.servedModelPath()).isEqualTo(root.resolve("v000001").toString());

            announce(3, checkpoint("v000003"));
            probeUntil("after-v3", probe -> versionOf(probe) == 3);
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
        announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.VLLM, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            publishTask("before");
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey("before"));

            server.enqueueReload(new ReloadFault.Held());
            announce(2, checkpoint("v000002"));
            publishTask("during");
            await().atMost(PATIENCE).until(() -> server.reloadsInFlight() == 1);

            TransactionDescription transaction = KAFKA.admin()
                    .describeTransactions(List.of(settings.transactionalId())).description(settings.transactionalId())
                    .get();
            assertThat(transaction.state()).as("no transaction is open while the server reloads")
                    .isNotEqualTo(TransactionState.ONGOING);
            assertThat(worker.assigned()).as("the worker stays in its group meanwhile").isNotEmpty();
            assertThat(samplesByTask()).doesNotContainKey("during");

            server.releaseReloads();
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey("during"));
            assertThat(versionOf("during")).isEqualTo(2);
            assertThat(backend.syncer().counters().pausedSeconds()).isPositive();
            worker.stop();
        }
        assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::route).containsOnly("/collective_rpc");
        assertThat(server.prefixCacheResets()).isEqualTo(2);
        assertEverySampleCarriesTheVersionThatMadeIt();
    }

    @Test
    void theServerIsGivenTheTranslatedPath() throws Exception {
        announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG,
                ServedPathMap.parse(List.of(root + "=/mnt/remote/checkpoints")), null);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            publishTask("mapped");
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey("mapped"));
            worker.stop();
        }
        assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::path)
                .containsExactly("/mnt/remote/checkpoints/v000001");
        assertThat(versionOf("mapped")).isEqualTo(1);
        assertThat(samplesByTask().get("mapped")).allSatisfy(s -> assertThat(s.getResponse())
                .contains("served by /mnt/remote/checkpoints/v000001"));
    }

    @Test
    void pointersOutsideTheRootAreRefusedAndACommandLoadsTheOthers() throws Exception {
        Path loads = temp.resolve("loads.txt");
        // The command is sh itself, run without a shell: $0 is the log file, $1 the path, $2 the version.
        SyncCommand command = SyncCommand.parse("sh -c 'echo \"$2 $1\" >> \"$0\"' " + loads + " {path} {version}");
        Path outside = checkpointAt(temp.resolve("elsewhere/v000002"));
        Path linkedOut = Files.createSymbolicLink(root.resolve("v000003"), outside);
        announce(1, checkpoint("v000001"));
        try (LogCapture logs = new LogCapture(WeightSyncFollower.class);
             WeightSyncedBackend backend = backend(WeightSyncMode.COMMAND, ServedPathMap.identity(), command);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            publishTask("first");
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey("first"));

            announce(2, outside);
            probeUntil("after-outside", probe -> logs.warnings().size() == 1);
            announce(3, linkedOut);
            String refusedAt = probeUntil("after-link", probe -> logs.warnings().size() == 2);

            assertThat(logs.warnings()).allSatisfy(warning -> assertThat(warning)
                    .contains("model version refused", "outside the checkpoint root", "kept_version=1"));
            assertThat(versionOf(refusedAt)).isEqualTo(1);
            assertThat(backend.syncer().counters().refusedPointers()).isEqualTo(2);
            worker.stop();
        }
        assertThat(Files.readAllLines(loads)).containsExactly("1 " + root.resolve("v000001"));
    }

    @Test
    void anotherProcessReloadingTheServerStopsTheWorkerBeforeItMislabelsSamples() throws Exception {
        announce(1, checkpoint("v000001"));
        try (WeightSyncedBackend backend = backend(WeightSyncMode.SGLANG, ServedPathMap.identity(), null);
             RunningWorker worker = RunningWorker.start(clientProperties(), settings, backend)) {
            publishTask("mine");
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey("mine"));

            server.serve(temp.resolve("theirs").toString(), "east:another-worker:v7");
            announce(2, checkpoint("v000002"));
            publishTask("after-takeover");
            await().atMost(PATIENCE).until(() -> worker.failure() != null);

            assertThat(worker.failure()).hasRootCauseInstanceOf(SharedEndpointException.class)
                    .rootCause().hasMessageContaining("east:another-worker:v7")
                    .hasMessageContaining("one worker per endpoint");
        }
        assertThat(samplesByTask()).containsOnlyKeys("mine");
        assertThat(server.reloads()).hasSize(1);
    }

    private WeightSyncedBackend backend(WeightSyncMode mode, ServedPathMap map, SyncCommand command)
            throws InterruptedException {
        OpenAiSettings openAi = OpenAiSettings.builder(server.baseUrl() + "/v1", "fake-math").retry(ONE_RETRY)
                .requestTimeout(Duration.ofSeconds(20)).build();
        WeightSyncSettings sync = new WeightSyncSettings(mode, map, command, ONE_RETRY, Duration.ofSeconds(60),
                settings.workerId());
        return WeightSyncedBackend.start(openAi, sync, CheckpointRoot.of(root),
                ModelVersionFollower.connect(clientProperties(), key), Duration.ofSeconds(30));
    }

    /** Every sample says which weights made it; that must be the checkpoint of the version it carries. */
    private void assertEverySampleCarriesTheVersionThatMadeIt() {
        assertThat(samplesByTask()).allSatisfy((task, samples) -> {
            assertThat(samples).as(task).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2);
            assertThat(samples).as(task + ": one version per task").extracting(ReasoningSample::getPolicyVersion)
                    .containsOnly(samples.get(0).getPolicyVersion());
            assertThat(samples).allSatisfy(s -> assertThat(s.getResponse())
                    .contains(String.format("v%06d", s.getPolicyVersion())));
        });
    }

    private Path checkpoint(String name) throws Exception {
        return checkpointAt(root.resolve(name));
    }

    /** The files the loader reads; admission looks only at where they are. */
    private static Path checkpointAt(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String file : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
            Files.writeString(dir.resolve(file), "{}");
        }
        return dir;
    }

    private String probeUntil(String prefix, Predicate<String> done) {
        for (int i = 0; i < MAX_PROBES; i++) {
            String probe = prefix + "-" + i;
            publishTask(probe);
            await().atMost(PATIENCE).until(() -> samplesByTask().containsKey(probe));
            if (done.test(probe)) {
                return probe;
            }
        }
        throw new AssertionError(prefix + ": not reached after " + MAX_PROBES + " tasks");
    }

    private long versionOf(String taskId) {
        return samplesByTask().get(taskId).get(0).getPolicyVersion();
    }

    private void publishTask(String taskId) {
        QuestionTask task = Tasks.task(taskId, "What is 2*3?", "6", N);
        Tasks.publish(KAFKA, topics.questions(), task);
        published.add(taskId);
    }

    private void announce(long version, Path checkpoint) throws Exception {
        Tasks.announce(KAFKA, key, version, checkpoint);
    }

    private Map<String, List<ReasoningSample>> samplesByTask() {
        return CommittedRecords.samplesByTask(KAFKA, topics.samples());
    }

    private static Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    }
}
