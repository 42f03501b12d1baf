package io.east.cli.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param period       how long stages are killed and restarted
 * @param killEvery    the mean time between two kills
 * @param tasks        tasks to feed (rounded up to whole rounds of the tiny model's 32 questions)
 * @param drainTimeout how long the pipeline may take to finish its work once the kills stop
 */
record ChaosSettings(Duration period, long seed, Duration killEvery, long tasks, Path workDir, Duration drainTimeout) {

    ChaosSettings {
        if (period.isNegative() || period.isZero() || killEvery.isNegative() || killEvery.isZero()) {
            throw new IllegalArgumentException("--minutes and --kill-every must be positive");
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be >= 1, got " + tasks);
        }
    }
}
