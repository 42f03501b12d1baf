package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a long east command (demo, chaos) in a child JVM with its output in target/NAME-*.log, as a user would, and
 * returns that output once it exits 0 in time.
 */
final class LongRun {

    private LongRun() {
    }

    static String succeeds(String name, Duration timeout, String... args) throws Exception {
        // libtorch's OpenMP workers spin while idle and would starve the other processes on two cores.
        try (EastProcess run = EastProcess.start(name, List.of("-XX:+UseSerialGC"),
                Map.of("OMP_WAIT_POLICY", "PASSIVE"), args)) {
            Process process = run.process();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
            String output = run.output();
            assertThat(finished).as("%s finished within %s; output:%n%s", name, timeout, output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        }
    }
}
