package io.east.cli;

import static io.east.cli.QuestionsAndSamples.N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenerateCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String GROUP = "generate-crash";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final QuestionsAndSamples topics = new QuestionsAndSamples(KAFKA, GROUP);

    @Test
    void aWorkerKilledMidTaskLeavesNoPartialOrDuplicateSampleSet() throws Exception {
        try (OpenAiStub server = new OpenAiStub()) {
            topics.publish(QuestionsAndSamples.numbered("before", 4));
            try (EastProcess first = startWorker(server)) {
                await().atMost(PATIENCE).until(() -> topics.samples().size() == 4 * N);

                // Each task takes two requests (the server caps n at 2): hold the second request of the next
                // task, so the worker is killed holding part of a sample set in memory.
                server.holdFrom(server.requests() + 2);
                topics.publish(QuestionsAndSamples.numbered("after", 4));
                await().atMost(PATIENCE).until(() -> server.held() > 0);
                first.kill();
                assertThat(topics.samples()).as("nothing of the interrupted batch is visible").hasSize(4 * N);
                server.release();
            }

            // Same worker id: the new instance fences the dead one's transactional id.
            try (EastProcess second = startWorker(server)) {
                await().atMost(PATIENCE).until(topics::groupCaughtUp);
                List<ReasoningSample> samples = topics.samples();
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

                assertThat(second.stop()).contains("generator worker stopped");
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
        List<String> withUnreachableBroker = new ArrayList<>(List.of(args));
        withUnreachableBroker.addAll(List.of("--bootstrap", "127.0.0.1:1"));
        assertThat(CliRunner.badUsage(CliRunner.args("generate", withUnreachableBroker.toArray(String[]::new))))
                .contains(message);
    }

    private static EastProcess startWorker(OpenAiStub server) throws Exception {
        return GenerateWorker.start(KAFKA, "crash-test", GROUP,
                "--backend", "openai", "--endpoint", server.baseUrl(), "--model", "stub");
    }
}
