package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.EastJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An east command running in the background in a child JVM, stdout and stderr together in target/NAME-*.log (kept
 * under target/ so a failed run can be read afterwards). Closing kills it unless it has ended.
 */
record EastProcess(String name, Process process, Path log) implements AutoCloseable {

    /** Starts {@code east ARGS} with these JVM options. */
    static EastProcess start(String name, List<String> jvmOptions, String... args) throws IOException {
        return start(name, jvmOptions, Map.of(), args);
    }

    /** Starts {@code east ARGS} with these JVM options and these variables added to its environment. */
    static EastProcess start(String name, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        Path log = Path.of("target", name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(EastJvm.command(jvmOptions, List.of(args)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new EastProcess(name, builder.start(), log);
    }

    /** Everything it has written so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Kills it with SIGKILL, as a crash would, and checks that it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s gone after SIGKILL", name).isTrue();
        assertThat(process.exitValue()).as("%s killed by SIGKILL", name).isEqualTo(137);
    }

    /** Stops it with SIGTERM, checks that it stopped, and returns everything it wrote. */
    String stop() throws InterruptedException, IOException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stops on SIGTERM", name).isTrue();
        return output();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
