package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.testkit.EmbeddedKafkaExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code east generate} worker process on a test broker, one task per batch, and the file its output goes to
 * (kept under target/ so a failed run can be read afterwards). Closing kills it unless it has ended.
 */
record GenerateProcess(Process process, Path log) implements AutoCloseable {

    /** Starts a worker with these backend options ({@code --backend ...}) as {@code workerId} in {@code group}. */
    static GenerateProcess start(EmbeddedKafkaExtension kafka, String workerId, String group, String... backend)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), EastCommand.class.getName(), "generate"));
        command.addAll(List.of(backend));
        command.addAll(List.of("--batch", "1", "--worker-id", workerId, "--group", group,
                "--bootstrap", kafka.bootstrapServers(),
                // The killed member would hold its partitions until its session expires: 6 s is the broker's minimum.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000"));
        Path log = Path.of("target", "generate-" + workerId + "-" + System.nanoTime() + ".log");
        return new GenerateProcess(
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /** Kills the worker with SIGKILL, as a crash would, and checks that it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** Stops the worker with SIGTERM, checks that it stopped, and returns everything it wrote. */
    String stop() throws InterruptedException, IOException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
