package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.CommittedRecords;
import io.east.producers.generate.Tasks;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenerateCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int N = 3;
    private static final String GROUP = "generate-crash";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void aWorkerKilledMidTaskLeavesNoPartialOrDuplicateSampleSet() throws Exception {
        try (OpenAiStub server = new OpenAiStub()) {
            publish(IntStream.range(0, 4).mapToObj(i -> task("before-" + i)).toList());
            Worker first = startWorker(server);
            Worker second = null;
            try {
                await().atMost(PATIENCE).until(() -> samples().size() == 4 * N);

                // Each task takes two requests (the server caps n at 2): hold the second request of the next
                // task, so the worker is killed holding part of a sample set in memory.
                server.holdFrom(server.requests() + 2);
                publish(IntStream.range(0, 4).mapToObj(i -> task("after-" + i)).toList());
                await().atMost(PATIENCE).until(() -> server.held() > 0);
                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
                assertThat(samples()).as("nothing of the interrupted batch is visible").hasSize(4 * N);
                server.release();

                // Same worker id: the new instance fences the dead one's transactional id.
                second = startWorker(server);
                await().atMost(PATIENCE).until(GenerateCommandIT::groupCaughtUp);
                List<ReasoningSample> samples = samples();
                Map<String, List<Integer>> indexesByTask = samples.stream()
                        .sorted(Comparator.comparingInt(ReasoningSample::getSampleIndex))
                        .collect(Collectors.groupingBy(ReasoningSample::getTaskId,
                                Collectors.mapping(ReasoningSample::getSampleIndex, Collectors.toList())));
                assertThat(indexesByTask).hasSize(8);
                assertThat(indexesByTask).allSatisfy((task, indexes) ->
                        assertThat(indexes).as(task).containsExactly(0, 1, 2));
                assertThat(samples).allSatisfy(s -> {
                    assertThat(s.getCorrect()).isTrue();
                    assertThat(s.getPredictedAnswer()).isEqualTo("6");
                    assertThat(s.getGenerator()).isEqualTo("openai:stub");
                });

                second.process().destroy();
                assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
                assertThat(Files.readString(second.log())).contains("generator worker stopped");
            } finally {
                first.process().destroyForcibly();
                if (second != null) {
                    second.process().destroyForcibly();
                }
            }
        }
    }

    @Test
    void badUsageIsExitCode2WithOneLine() throws Exception {
        assertUsage("--backend djl needs --checkpoint-root DIR", "--backend", "djl");
        assertUsage("--endpoint and --model are for --backend openai", "--backend", "djl", "--checkpoint-root", "/tmp",
                "--model", "m");
        assertUsage("--checkpoint-root: checkpoint root /proc/east-no-root does not exist and cannot be created",
                "--backend", "djl", "--checkpoint-root", "/proc/east-no-root");
        assertUsage("--checkpoint-root is for --backend djl, or openai with --weight-sync", "--backend", "openai",
                "--endpoint", "http://127.0.0.1:1", "--model", "m", "--checkpoint-root", "/tmp");
        assertUsage("--init is for --backend djl", "--backend", "openai", "--endpoint", "http://127.0.0.1:1",
                "--model", "m", "--init", "/tmp");
        assertUsage("--backend openai needs --endpoint URL", "--backend", "openai", "--model", "m");
        assertUsage("--endpoint: the endpoint must be an http:// or https:// URL",
                "--backend", "openai", "--endpoint", "localhost:8000", "--model", "m");
        assertUsage("the prompt template must contain {question}", "--backend", "openai",
                "--endpoint", "http://127.0.0.1:1", "--model", "m", "--prompt-template", "Solve it.");
        assertUsage("top-p must be in (0, 1]", "--backend", "openai", "--endpoint", "http://127.0.0.1:1",
                "--model", "m", "--top-p", "0");
        assertUsage("--mode: mode must be completions or chat", "--backend", "openai",
                "--endpoint", "http://127.0.0.1:1", "--model", "m", "--mode", "embeddings");
    }

    @Test
    void weightSyncUsageIsCheckedBeforeAnythingStarts() throws Exception {
        String[] openAi = {"--backend", "openai", "--endpoint", "http://127.0.0.1:1", "--model", "m"};
        assertUsage("--weight-sync: weight sync must be none, sglang, vllm or command, got 'sglng'",
                with(openAi, "--weight-sync", "sglng"));
        assertUsage("--weight-sync needs --checkpoint-root DIR", with(openAi, "--weight-sync", "sglang"));
        assertUsage("--weight-sync command needs --sync-command CMD",
                with(openAi, "--weight-sync", "command", "--checkpoint-root", "/tmp"));
        assertUsage("--sync-command is for --weight-sync command", with(openAi, "--weight-sync", "vllm",
                "--checkpoint-root", "/tmp", "--sync-command", "load {path}"));
        assertUsage("--sync-command: the sync command must pass {path}", with(openAi, "--weight-sync", "command",
                "--checkpoint-root", "/tmp", "--sync-command", "load {version}"));
        assertUsage("--served-path-map is for --weight-sync sglang, vllm or command",
                with(openAi, "--served-path-map", "/a=/b"));
        assertUsage("--served-path-map: '/a=b': REMOTE must be an absolute path", with(openAi, "--weight-sync",
                "sglang", "--checkpoint-root", "/tmp", "--served-path-map", "/a=b"));
        assertUsage("--sync-retries must be >= 0, got -1", with(openAi, "--weight-sync", "sglang",
                "--checkpoint-root", "/tmp", "--sync-retries", "-1"));
        assertUsage("--sync-timeout must be a duration", with(openAi, "--weight-sync", "sglang",
                "--checkpoint-root", "/tmp", "--sync-timeout", "soon"));
        assertUsage("--model-key: experiment name must match", with(openAi, "--weight-sync", "sglang",
                "--checkpoint-root", "/tmp", "--model-key", "no spaces"));
        assertUsage("--weight-sync is for --backend openai", "--backend", "djl", "--checkpoint-root", "/tmp",
                "--weight-sync", "sglang");
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void assertUsage(String message, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("generate"));
        command.addAll(List.of(args));
        command.addAll(List.of("--bootstrap", "127.0.0.1:1"));
        CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains(message);
        assertThat(result.stderr().strip().lines()).hasSize(1);
    }

    /** A worker process and the file its output goes to. */
    private record Worker(Process process, Path log) {
    }

    private static Worker startWorker(OpenAiStub server) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), EastCommand.class.getName(),
                "generate", "--backend", "openai", "--endpoint", server.baseUrl(), "--model", "stub",
                "--batch", "1", "--worker-id", "crash-test", "--group", GROUP,
                "--bootstrap", KAFKA.bootstrapServers(),
                // The killed member would hold its partitions until its session expires: 6 s is the broker's minimum.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000");
        // Kept under target/ so a failed run can be read afterwards.
        Path log = Path.of("target", "generate-crash-" + System.nanoTime() + ".log");
        return new Worker(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                log);
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
