package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.bench.data.SyntheticSamples;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security pass-through: `east streams` reaches a broker whose client listener demands SASL/PLAIN only through the
 * properties of --kafka-config (and -X), processes samples with the right credentials, and is refused with wrong
 * ones.
 */
class StreamsSaslIT {

    private static final SaslPlainListener SASL = SaslPlainListener.onFreePorts();

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension(SASL.brokerSettings());

    @TempDir
    Path dir;

    @Test
    void theStreamsAppProcessesSamplesWhenItsKafkaConfigHoldsTheRightCredentials() throws Exception {
        List<ReasoningSample> log = SyntheticSamples.log("sasl", 20, 4, 40, 5);
        Set<String> tasks = log.stream().map(ReasoningSample::getTaskId).collect(Collectors.toSet());
        SampleLogs.produce(alice(KAFKA.producerProps()), log);
        Path aliceConfig = SaslPlainListener.writeClientConfig(dir.resolve("alice.properties"),
                SaslPlainListener.USER, SaslPlainListener.PASSWORD);

        try (EastProcess streams = startStreams(aliceConfig)) {
            List<GroupSummary> groups = SampleLogs.readAll(alice(KAFKA.consumerProps("sasl-groups")),
                    EastTopics.GROUPS.name(), EastSerdes.groupSummary().deserializer(), tasks.size(),
                    Duration.ofMinutes(2));
            assertThat(groups).extracting(GroupSummary::getTaskId).containsExactlyInAnyOrderElementsOf(tasks);

            List<WeightedExample> weighted = SampleLogs.readAll(alice(KAFKA.consumerProps("sasl-weighted")),
                    EastTopics.WEIGHTED.name(), EastSerdes.weightedExample().deserializer(), 1,
                    Duration.ofSeconds(30));
            assertThat(weighted).isNotEmpty().allSatisfy(example -> assertThat(tasks).contains(example.getTaskId()));

            // A second subcommand over the same file: tail decodes what the app wrote.
            CliRunner.Result tail = CliRunner.run("tail", EastTopics.WEIGHTED.name(), "--from-beginning", "--max",
                    "1", "--timeout", "60s", "--bootstrap", SASL.bootstrapServers(), "--kafka-config",
                    aliceConfig.toString());
            assertThat(tail.exitCode()).as(tail.stderr()).isZero();
            assertThat(tail.stdout()).contains(weighted.get(0).getTaskId());
            streams.stop();
        }
    }

    @Test
    void theStreamsAppIsRefusedWithAWrongPassword() throws Exception {
        Path aliceConfig = SaslPlainListener.writeClientConfig(dir.resolve("alice.properties"),
                SaslPlainListener.USER, SaslPlainListener.PASSWORD);

        // -X wins over the file, so this is the right file with a wrong password.
        CliRunner.Result refused = CliRunner.run("streams", "--experiment", "refused",
                "--state-dir", dir.resolve("state").toString(), "--bootstrap", SASL.bootstrapServers(),
                "--kafka-config", aliceConfig.toString(),
                "-X", "sasl.jaas.config=" + SaslPlainListener.jaasConfig(SaslPlainListener.USER, "wrong-secret"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("SaslAuthenticationException")
                .contains("Invalid username or password");
    }

    @Test
    void aClientWithAWrongPasswordGetsAnAuthenticationError() {
        try (Admin admin = Admin.create(SASL.withCredentials(Map.of(), SaslPlainListener.USER, "wrong-secret"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
        try (Admin admin = Admin.create(SASL.withCredentials(Map.of(), "mallory", SaslPlainListener.PASSWORD))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> alice(Map<String, Object> clientConfig) {
        return SASL.withCredentials(clientConfig, SaslPlainListener.USER, SaslPlainListener.PASSWORD);
    }

    private EastProcess startStreams(Path kafkaConfig) throws Exception {
        return EastProcess.start("streams-sasl", List.of("-Xmx384m"),
                "streams", "--scope", "window:1", "--group-timeout", "10m",
                "--state-dir", dir.resolve("state").toString(),
                "--bootstrap", SASL.bootstrapServers(), "--kafka-config", kafkaConfig.toString());
    }
}
