package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.CommittedRecords;
import io.east.producers.generate.Tasks;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    private static final int N = 3;
    private static final String GROUP = "generate-sync-crash";
    private static final String KEY = "synccrash";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    @Test
    void aWorkerKilledMidSyncLeavesNoPartialOrDuplicateSampleSetAndServesTheNewestVersionAfterRestart()
            throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkpoints")).toRealPath();
        Tasks.announce(KAFKA, KEY, 1, checkpoint(root.resolve("v000001")));
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.respond((prompt, i) -> "weights " + server.servedModelPath() + " say 2 times 3 is \\boxed{6}");
            publish(IntStream.range(0, 4).mapToObj(i -> task("before-" + i)).toList());
            Worker first = startWorker(server, root);
            Worker second = null;
            try {
                await().atMost(PATIENCE).until(() -> samples().size() == 4 * N);

                // The next batch asks the server for version 2, which holds the reload: the worker dies in the sync.
                server.enqueueReload(new ReloadFault.Held());
                Tasks.announce(KAFKA, KEY, 2, checkpoint(root.resolve("v000002")));
                publish(List.of(task("during")));
                await().atMost(PATIENCE).until(() -> server.reloadsInFlight() == 1);
                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
                assertThat(samples()).as("nothing of the interrupted batch is visible").hasSize(4 * N);
                // The server finishes the load it was asked for, as a real one would.
                server.releaseReloads();

                second = startWorker(server, root);
                publish(IntStream.range(0, 3).mapToObj(i -> task("after-" + i)).toList());
                await().atMost(PATIENCE).until(GenerateWeightSyncCrashIT::groupCaughtUp);

                Map<String, List<ReasoningSample>> byTask = samples().stream()
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

                second.process().destroy();
                assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
                assertThat(Files.readString(second.log())).contains("the server serves a new model version",
                        "version=\"2\"", "generator worker stopped");
            } finally {
                first.process().destroyForcibly();
                if (second != null) {
                    second.process().destroyForcibly();
                }
            }
        }
    }

    /** A worker process and the file its output goes to. */
    private record Worker(Process process, Path log) {
    }

    private static Worker startWorker(FakeOpenAiServer server, Path root) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), EastCommand.class.getName(),
                "generate", "--backend", "openai", "--endpoint", server.baseUrl() + "/v1", "--model", "fake-math",
                "--weight-sync", "sglang", "--checkpoint-root", root.toString(), "--model-key", KEY,
                "--batch", "1", "--worker-id", "sync-crash", "--group", GROUP, "--bootstrap", KAFKA.bootstrapServers(),
                // The killed member would hold its partitions until its session expires: 6 s is the broker's minimum.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000");
        // Kept under target/ so a failed run can be read afterwards.
        Path log = Path.of("target", "generate-sync-crash-" + System.nanoTime() + ".log");
        return new Worker(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                log);
    }

    private static Path checkpoint(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String file : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
            Files.writeString(dir.resolve(file), "{}");
        }
        return dir;
    }

    private static QuestionTask task(String id) {
        return Tasks.task(id, "What is 2*3?", "6", N);
    }

    private static void publish(List<QuestionTask> tasks) {
        Tasks.publishAll(KAFKA, EastTopics.QUESTIONS.name(), tasks);
    }

    private static List<ReasoningSample> samples() {
        return CommittedRecords.samples(KAFKA, EastTopics.SAMPLES.name());
    }

    private static boolean groupCaughtUp() throws Exception {
        return CommittedRecords.groupCaughtUp(KAFKA, GROUP, EastTopics.QUESTIONS.name());
    }
}
