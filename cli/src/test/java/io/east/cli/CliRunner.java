package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.EastJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the east command in a child JVM on the test class path, as a user would from a shell: exit code, stdout and
 * stderr are what the tests check.
 */
final class CliRunner {

    record Result(int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), null, args);
    }

    /**
     * Runs east with arguments it must refuse as bad usage: exit code 2, nothing on stdout and one line on stderr,
     * which it returns.
     */
    static String badUsage(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
        return result.stderr();
    }

    /** {@code command} followed by {@code args}. */
    static String[] args(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    static Result run(Map<String, String> env, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = EastJvm.command(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of(args));
        Path out = Files.createTempFile("east-cli-out", ".txt");
        Path err = Files.createTempFile("east-cli-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("east " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
