package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.cli.common.EastJvm;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.schemas.EvalResult;
import io.east.schemas.ModelVersion;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code east eval} on tiny random checkpoints: one checkpoint, and {@code --follow} over announced versions. */
class EvalCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Map<String, String> ENV = Map.of("OMP_WAIT_POLICY", "PASSIVE");
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final LlamaConfig TINY = LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 256);

    @TempDir
    static Path temp;
    static Path root;

    @BeforeAll
    static void checkpoints() throws Exception {
        root = temp.resolve("checkpoints");
        Checkpoints.writeFresh(root.resolve("v000001"), TINY, 1);
        Checkpoints.writeFresh(root.resolve("v000002"), TINY, 2);
        Checkpoints.writeFresh(root.resolve("v000007"), TINY, 7);
        Files.writeString(root.resolve("v000007/east-state.json"), "{\"format\": 1, \"version\": 7}");
        Checkpoints.writeFresh(temp.resolve("elsewhere/v000003"), TINY, 3);
    }

    @Test
    void followPublishesAnEvalResultForEachNewModelVersion() throws Exception {
        String experiment = "follow-it";
        Path out = temp.resolve("follow.out");
        Path log = Path.of("target", "eval-follow-" + System.nanoTime() + ".log");
        List<String> command = EastJvm.command(List.of("-Xmx512m"), List.of(
                "eval", "--follow", "--checkpoint-root", root.toString(), "--experiment", experiment,
                "--dataset", "synthetic:3", "--limit", "4", "--n", "2", "--max-new-tokens", "8",
                "--bootstrap", KAFKA.bootstrapServers()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile());
        builder.environment().putAll(ENV);
        Process eval = builder.start();
        try {
            announce(experiment, 1, root.resolve("v000001"));
            await().atMost(PATIENCE).until(() -> results(experiment).size() == 1);
            announce(experiment, 2, temp.resolve("elsewhere/v000003"));
            await().atMost(PATIENCE).until(() -> Files.readString(log).contains("model version refused"));
            announce(experiment, 3, root.resolve("v000002"));
            await().atMost(PATIENCE).until(() -> results(experiment).size() == 2);

            List<EvalResult> results = results(experiment);
            assertThat(results).extracting(EvalResult::getModelVersion).containsExactly(1L, 3L);
            assertThat(results.get(0).getCheckpointUri()).isEqualTo(root.resolve("v000001").toUri().toString());
            assertThat(results).allSatisfy(r -> {
                assertThat(r.getDataset()).isEqualTo("synthetic:3");
                assertThat(r.getSplit()).isEqualTo("test");
                assertThat(r.getQuestions()).isEqualTo(4);
                assertThat(r.getSamplesPerQuestion()).isEqualTo(2);
                assertThat(r.getMajAtN()).isNotNull().isBetween(0.0, 1.0);
                assertThat(r.getPassAt1()).isBetween(r.getPassAt1CiLow(), r.getPassAt1CiHigh());
                assertThat(r.getPassAt1CiHigh()).isGreaterThan(r.getPassAt1CiLow());
                assertThat(r.getExperiment()).isEqualTo(experiment);
            });
            await().atMost(PATIENCE).until(() -> Files.readAllLines(out).size() == 3);
            List<String> table = Files.readAllLines(out);
            assertThat(table.get(0)).contains("model_version", "questions", "pass@1", "95% CI", "maj@2");
            assertThat(table.get(1).strip()).startsWith("1 ").contains(" 4 ");
            assertThat(table.get(2).strip()).startsWith("3 ");
            assertThat(Files.readString(log)).contains("elsewhere/v000003", "outside the checkpoint root");
        } finally {
            eval.destroy();
            if (!eval.waitFor(60, TimeUnit.SECONDS)) {
                eval.destroyForcibly();
            }
        }
    }

    @Test
    void followThroughAnOpenAiServerLoadsEachVersionIntoItBeforeEvaluatingIt() throws Exception {
        String experiment = "served-it";
        Path out = temp.resolve("served.out");
        Path log = Path.of("target", "eval-served-" + System.nanoTime() + ".log");
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.respond((prompt, i) -> "the weights at " + server.servedModelPath() + " say #### 6");
            List<String> command = EastJvm.command(List.of("-Xmx256m"), List.of(
                    "eval", "--backend", "openai", "--endpoint", server.baseUrl() + "/v1", "--model", "fake-math",
                    "--follow", "--weight-sync", "sglang", "--checkpoint-root", root.toString(),
                    "--experiment", experiment, "--dataset", "synthetic:3", "--limit", "4",
                    "--bootstrap", KAFKA.bootstrapServers()));
            Process eval = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
            try {
                announce(experiment, 1, root.resolve("v000001"));
                await().atMost(PATIENCE).until(() -> results(experiment).size() == 1);
                announce(experiment, 2, root.resolve("v000002"));
                await().atMost(PATIENCE).until(() -> results(experiment).size() == 2);

                assertThat(results(experiment)).extracting(EvalResult::getModelVersion).containsExactly(1L, 2L);
                assertThat(results(experiment)).allSatisfy(r -> assertThat(r.getQuestions()).isEqualTo(4));
                assertThat(server.reloads()).extracting(FakeOpenAiServer.Reload::path).containsExactly(
                        root.resolve("v000001").toRealPath().toString(),
                        root.resolve("v000002").toRealPath().toString());
                assertThat(Files.readString(log)).contains("loaded into the server with weight sync",
                        "owner=\"eval-", "the server serves a new model version");
            } finally {
                eval.destroy();
                if (!eval.waitFor(60, TimeUnit.SECONDS)) {
                    eval.destroyForcibly();
                }
            }
        }
    }

    @Test
    void evaluatesOneCheckpointAtTheVersionItsStateSaysAndPublishesWhenGivenABroker() throws Exception {
        CliRunner.Result result = CliRunner.run(ENV, null, "eval", "--model", root.resolve("v000007").toString(),
                "--dataset", "synthetic", "--limit", "3", "--max-new-tokens", "8",
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).hasSize(2);
        assertThat(result.stdoutLines().get(0)).doesNotContain("maj@");
        assertThat(result.stdoutLines().get(1).strip()).startsWith("7 ").contains(" 3 ");
        await().atMost(PATIENCE).until(() -> results("main").stream().anyMatch(r -> r.getModelVersion() == 7));
        EvalResult published = results("main").stream().filter(r -> r.getModelVersion() == 7).findFirst().orElseThrow();
        assertThat(published.getSamplesPerQuestion()).isEqualTo(1);
        assertThat(published.getMajAtN()).isNull();
        assertThat(published.getExperiment()).isNull();
        assertThat(published.getDataset()).isEqualTo("synthetic:0");
        assertThat(published.getCheckpointUri()).isEqualTo(root.resolve("v000007").toUri().toString());
    }

    private static void announce(String key, long version, Path checkpoint) throws Exception {
        ModelVersion pointer = ModelVersion.newBuilder().setVersion(version)
                .setCheckpointUri(checkpoint.toUri().toString()).setStep(version).setExperiment(key)
                .setCreatedAt(Instant.now()).build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            producer.send(new ProducerRecord<>(EastTopics.MODEL_VERSIONS.name(), key.getBytes(StandardCharsets.UTF_8),
                    EastSerdes.modelVersion().serialize(pointer))).get();
        }
    }

    /** The EvalResults on east.eval under {@code key}, in order. */
    private static List<EvalResult> results(String key) {
        List<EvalResult> results = new ArrayList<>();
        CommittedScan.forEach(KAFKA.clientProps(), List.of(EastTopics.EVAL.name()), Duration.ofMinutes(1), r -> {
            if (key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                results.add(EastSerdes.evalResult().deserialize(r.value()));
            }
        });
        return results;
    }
}
