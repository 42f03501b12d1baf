package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a long east command (demo, chaos) in a child JVM with its output in target/NAME-*.log, as a user would, and
 * returns that output once it exits 0 in time.
 */
final class LongRun {

    private LongRun() {
    }

    static String succeeds(String name, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), EastCommand.class.getName()));
        command.addAll(List.of(args));
        Path log = Path.of("target", name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // libtorch's OpenMP workers spin while idle and would starve the other processes on two cores.
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertThat(finished).as("%s finished within %s; output:%n%s", name, timeout, output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
