package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.EastJvm;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code east broker} as an operator runs it: a child process that prints its address and stops on SIGTERM. */
class BrokerCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void printsItsBootstrapServesTheEastTopicsAndStopsCleanlyOnSigterm() throws Exception {
        List<String> command = EastJvm.command(List.of(), List.of(
                "broker", "--port", "0", "--data-dir", dataDir.toString()));
        Path stderr = Files.createTempFile("east-broker-err", ".txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertThat(line).as(Files.readString(stderr)).startsWith("bootstrap=127.0.0.1:");
            String bootstrap = line.substring("bootstrap=".length());

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).containsAll(EastTopics.ALL.stream().map(TopicSpec::name).toList());
            }

            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("broker stops within 60 s of SIGTERM").isTrue();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(stderr)).contains("stopping the broker").doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
        assertThat(dataDir).isNotEmptyDirectory();
    }
}
