package io.east.cli.demo;

import io.east.cli.common.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How long a whole-loop run lasts, its seed and where it writes: {@code --minutes}, {@code --seed} and
 * {@code --work-dir} (a picocli mixin), shared by demo and chaos; each command gives its own defaults.
 */
final class LoopRunOptions {

    private static final double MAX_MINUTES = 7 * 24 * 60;

    // No defaultValue: the initial values the command chose are the defaults that help shows.
    @Option(names = "--minutes", paramLabel = "M") private double minutes;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0") private long seed;
    @Option(names = "--work-dir", paramLabel = "D") private Path workDir;

    private LoopRunOptions(double minutes, String workDir) {
        this.minutes = minutes;
        this.workDir = Path.of(workDir);
    }

    static LoopRunOptions withDefaults(double minutes, String workDir) {
        return new LoopRunOptions(minutes, workDir);
    }

    /** --minutes as a duration: more than none, at most a week. */
    Duration duration() {
        if (!(minutes > 0) || minutes > MAX_MINUTES) {
            throw new UsageException("--minutes must be > 0 and at most a week, got " + minutes);
        }
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    long seed() {
        return seed;
    }

    Path workDir() {
        return workDir.toAbsolutePath().normalize();
    }
}
