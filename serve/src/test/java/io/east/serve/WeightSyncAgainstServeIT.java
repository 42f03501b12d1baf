package io.east.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.model.Precision;
import io.east.producers.generate.CommittedRecords;
import io.east.producers.generate.GenerateTopics;
import io.east.producers.generate.Generation;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.RunningWorker;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.Tasks;
import io.east.producers.generate.TestTopics;
import io.east.producers.generate.WorkerSettings;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.sync.ServedPathMap;
import io.east.producers.generate.openai.sync.WeightSyncMode;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import io.east.producers.generate.openai.sync.WeightSyncedBackend;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFollower;
import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI path end to end with real weights: a generator worker on an embedded broker samples greedily from east
 * serve through {@code --weight-sync sglang} while versions 1 and 2 are announced. Each switch shows in the samples'
 * policy_version and in their text, which is what the announced checkpoint itself generates.
 */
class WeightSyncAgainstServeIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String KEY = "serve-sync";
    private static final String QUESTION = "What is 3 + 4?";
    private static final int N = 2;
    private static final SamplingParams GREEDY = new SamplingParams(0, 1, 16, SamplingParams.DEFAULT_STOP);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void samplesAfterEachSwitchCarryTheNewVersionAndTheNewWeightsText() throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        Path base = VariedCheckpoints.write(root.resolve("base"), 31);
        Path v1 = VariedCheckpoints.write(root.resolve("v000001"), 32);
        Path v2 = VariedCheckpoints.write(root.resolve("v000002"), 33);
        GenerateTopics topics = TestTopics.create(KAFKA, "serve-sync", 2);
        WorkerSettings settings = new WorkerSettings("serve-sync-worker", "serve-sync-group", topics, 2,
                PromptTemplate.DEFAULT, GREEDY, WorkerSettings.DEFAULT_POLL_TIMEOUT);
        ServeSettings serveSettings = ServeSettings.defaults("policy").withAddress("127.0.0.1", 0)
                .withReloadRoot(CheckpointRoot.of(root));

        try (ServeServer server = ServeServer.start(serveSettings, base, null);
             WeightSyncedBackend backend = backend(server, root, settings.workerId());
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            answered(topics, List.of("base-0", "base-1"));
            announce(1, v1);
            answered(topics, List.of("v1-0", "v1-1"));
            announce(2, v2);
            answered(topics, List.of("v2-0", "v2-1"));
            assertThat(worker.stop().deadLetters()).isZero();
        }

        Map<String, List<ReasoningSample>> byTask = samplesByTask(topics);
        assertThat(byTask).allSatisfy((task, samples) -> assertThat(samples).as(task)
                .extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1));
        assertThat(versionsOf(byTask, "base")).containsOnly(0L);
        assertThat(versionsOf(byTask, "v1")).containsOnly(1L);
        assertThat(versionsOf(byTask, "v2")).containsOnly(2L);
        String baseText = textOf(byTask, "base");
        String v1Text = textOf(byTask, "v1");
        String v2Text = textOf(byTask, "v2");
        assertThat(List.of(baseText, v1Text, v2Text)).as("greedy text per version").doesNotHaveDuplicates();
        assertThat(v1Text).as("what checkpoint 1 generates in-process").isEqualTo(greedyInProcess(v1));
        assertThat(v2Text).as("what checkpoint 2 generates in-process").isEqualTo(greedyInProcess(v2));
    }

    private static WeightSyncedBackend backend(ServeServer server, Path root, String owner)
            throws InterruptedException {
        OpenAiSettings openAi = OpenAiSettings.builder(server.baseUrl() + "/v1", "policy")
                .requestTimeout(Duration.ofSeconds(30)).build();
        WeightSyncSettings sync = new WeightSyncSettings(WeightSyncMode.SGLANG, ServedPathMap.identity(), null,
                WeightSyncSettings.DEFAULT_RETRY, Duration.ofSeconds(60), owner);
        return WeightSyncedBackend.start(openAi, sync, CheckpointRoot.of(root),
                ModelVersionFollower.connect(KAFKA.clientProps(), KEY), Duration.ofSeconds(30));
    }

    /** Publishes the tasks and waits until their samples are committed. */
    private static void answered(GenerateTopics topics, List<String> taskIds) {
        Tasks.publishAll(KAFKA, topics.questions(),
                taskIds.stream().map(id -> Tasks.task(id, QUESTION, "7", N)).toList());
        await().atMost(PATIENCE).until(() -> samplesByTask(topics).keySet().containsAll(taskIds));
    }

    private static void announce(long version, Path checkpoint) throws Exception {
        Tasks.announce(KAFKA, KEY, version, checkpoint);
    }

    private static String greedyInProcess(Path checkpoint) throws Exception {
        try (DjlBackend djl = DjlBackend.fixed(DjlSettings.defaults(), LoadedPolicy.load(checkpoint, 0,
                Precision.FP32))) {
            List<Generation> generations = djl.sample(PromptTemplate.DEFAULT.fill(QUESTION), 1, GREEDY);
            return generations.get(0).text();
        }
    }

    private static List<Long> versionsOf(Map<String, List<ReasoningSample>> byTask, String prefix) {
        return byTask.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
                .flatMap(e -> e.getValue().stream()).map(ReasoningSample::getPolicyVersion).toList();
    }

    /** The one greedy response every sample of the prefix's tasks has. */
    private static String textOf(Map<String, List<ReasoningSample>> byTask, String prefix) {
        List<String> texts = byTask.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
                .flatMap(e -> e.getValue().stream()).map(ReasoningSample::getResponse).distinct().toList();
        assertThat(texts).as(prefix + ": greedy samples of one version agree").hasSize(1);
        return texts.get(0);
    }

    private static Map<String, List<ReasoningSample>> samplesByTask(GenerateTopics topics) {
        return CommittedRecords.samplesByTask(KAFKA, topics.samples());
    }
}
