package io.east.cli;

import static io.east.cli.QuestionsAndSamples.N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.Tasks;
import io.east.producers.testing.TinyCheckpoints;
import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code east generate --backend openai --weight-sync sglang} killed with SIGKILL while the server reloads a new
 * version: after a restart there is no partial and no duplicate sample set, and the worker serves the newest version.
 * The server is the producers' fake, run in this JVM, speaking SGLang's reload routes over a real socket.
 */
class GenerateWeightSyncCrashIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String GROUP = "generate-sync-crash";
    private static final String KEY = "synccrash";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final QuestionsAndSamples topics = new QuestionsAndSamples(KAFKA, GROUP);

    @TempDir
    Path temp;

    @Test
    void aWorkerKilledMidSyncLeavesNoPartialOrDuplicateSampleSetAndServesTheNewestVersionAfterRestart()
            throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        Tasks.announce(KAFKA, KEY, 1, TinyCheckpoints.filesOnly(root.resolve("v000001")));
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.respond((prompt, i) -> "weights " + server.servedModelPath() + " say 2 times 3 is \\boxed{6}");
            topics.publish(QuestionsAndSamples.numbered("before", 4));
            try (EastProcess first = startWorker(server, root)) {
                await().atMost(PATIENCE).until(() -> topics.samples().size() == 4 * N);

                // The next batch asks the server for version 2, which holds the reload: the worker dies in the sync.
                server.enqueueReload(new ReloadFault.Held());
                Tasks.announce(KAFKA, KEY, 2, TinyCheckpoints.filesOnly(root.resolve("v000002")));
                topics.publish(List.of("during"));
                await().atMost(PATIENCE).until(() -> server.reloadsInFlight() == 1);
                first.kill();
                assertThat(topics.samples()).as("nothing of the interrupted batch is visible").hasSize(4 * N);
                // The server finishes the load it was asked for, as a real one would.
                server.releaseReloads();
            }

            try (EastProcess second = startWorker(server, root)) {
                topics.publish(QuestionsAndSamples.numbered("after", 3));
                await().atMost(PATIENCE).until(topics::groupCaughtUp);

                Map<String, List<ReasoningSample>> byTask = topics.samples().stream()
                        .sorted(Comparator.comparingInt(ReasoningSample::getSampleIndex))
                        .collect(Collectors.groupingBy(ReasoningSample::getTaskId));
                assertThat(byTask).hasSize(8);
                assertThat(byTask).allSatisfy((task, samples) -> {
                    assertThat(samples).as(task).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2);
                    assertThat(samples).as(task + ": one version").extracting(ReasoningSample::getPolicyVersion)
                            .containsOnly(task.startsWith("before") ? 1L : 2L);
                    assertThat(samples).allSatisfy(s -> assertThat(s.getResponse())
                            .contains(String.format("v%06d", s.getPolicyVersion())));
                });
                assertThat(server.servedModelPath()).isEqualTo(root.resolve("v000002").toString());

                assertThat(second.stop()).contains("the server serves a new model version", "version=\"2\"",
                        "generator worker stopped");
            }
        }
    }

    private static EastProcess startWorker(FakeOpenAiServer server, Path root) throws Exception {
        return GenerateWorker.start(KAFKA, "sync-crash", GROUP, "--backend", "openai",
                "--endpoint", server.baseUrl() + "/v1", "--model", "fake-math",
                "--weight-sync", "sglang", "--checkpoint-root", root.toString(), "--model-key", KEY);
    }
}
