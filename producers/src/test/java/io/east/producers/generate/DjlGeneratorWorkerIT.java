package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.testing.LogCapture;
import io.east.producers.testing.TinyCheckpoints;
import io.east.producers.versions.CheckpointRoot;
import io.east.producers.versions.ModelVersionFollower;
import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator worker with the DJL backend on a real broker: tiny random checkpoints, model versions announced on
 * east.model-versions while the worker runs, one of them pointing outside the checkpoint root.
 */
class DjlGeneratorWorkerIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String KEY = "djl-it";

    @TempDir
    Path temp;

    private VersionedTasks tasks;

    @Test
    void samplesCarryTheVersionThatMadeThemAndPointersOutsideTheRootAreRefused() throws Exception {
        Path root = temp.resolve("checkpoints");
        Path v1 = TinyCheckpoints.write(root.resolve("v000001"), 1);
        Path v2 = TinyCheckpoints.write(root.resolve("v000002"), 2);
        Path outside = TinyCheckpoints.write(temp.resolve("elsewhere/v000003"), 3);
        GenerateTopics topics = TestTopics.create(KAFKA, "djl", 2);
        tasks = new VersionedTasks(KAFKA, topics, KEY, "Eva has 7 shells. She gets 5 more. How many shells?", "12",
                PATIENCE);
        WorkerSettings settings = TestTopics.worker("djl", topics)
                .withSampling(new SamplingParams(1.0, 1.0, 16, SamplingParams.DEFAULT_STOP));
        tasks.announce(1, v1);

        List<String> beforeSwitch = List.of("first-0", "first-1", "first-2", "first-3");
        try (LogCapture logs = new LogCapture("io.east.producers.generate.djl");
             DjlBackend backend = DjlBackend.following(DjlSettings.defaults().withModelKey(KEY),
                     CheckpointRoot.of(root), null, ModelVersionFollower.connect(KAFKA.clientProps(), KEY));
             RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            beforeSwitch.forEach(tasks::publish);
            await().atMost(PATIENCE).until(() -> tasks.samplesByTask().keySet().containsAll(beforeSwitch));
            assertThat(versionsOf(beforeSwitch)).containsOnly(1L);

            tasks.announce(2, v2);
            String switched = tasks.probeUntil("after-v2", probe -> tasks.versionOf(probe) == 2);
            tasks.announce(3, outside);
            String refusedAt = tasks.probeUntil("after-outside", probe -> !logs.warnings().isEmpty());

            assertThat(logs.warnings()).singleElement().asString().contains("model version refused",
                    "version=3", "checkpoint_uri=" + outside.toUri(), "outside the checkpoint root", "kept_version=2");
            assertThat(tasks.versionOf(switched)).isEqualTo(2);
            assertThat(tasks.versionOf(refusedAt)).as("the refused version changes nothing").isEqualTo(2);
            assertThat(backend.policyVersion()).isEqualTo(2);
            assertThat(worker.stop().deadLetters()).isZero();
        }

        Map<String, List<ReasoningSample>> byTask = tasks.samplesByTask();
        assertThat(byTask).allSatisfy((task, samples) -> {
            assertThat(samples).as(task).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2);
            assertThat(samples).as(task + ": one version per task").extracting(ReasoningSample::getPolicyVersion)
                    .containsOnly(samples.get(0).getPolicyVersion());
            assertThat(samples).allSatisfy(s -> assertThat(s.getGenerator()).isEqualTo("djl:" + KEY));
        });
        assertThat(tasks.versionsInPublishOrder()).as("1 until the switch, then 2 for good").isSorted()
                .containsOnly(1L, 2L).endsWith(2L, 2L);
    }

    private List<Long> versionsOf(List<String> taskIds) {
        Map<String, List<ReasoningSample>> byTask = tasks.samplesByTask();
        return taskIds.stream().flatMap(t -> byTask.get(t).stream()).map(ReasoningSample::getPolicyVersion).toList();
    }
}
