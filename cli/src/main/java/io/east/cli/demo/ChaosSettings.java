package io.east.cli.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param period       how long stages are killed and restarted
 * @param killEvery    the mean time between two kills
 * @param tasks        tasks to feed (rounded up to whole rounds of the tiny model's 32 questions)
 * @param drainTimeout how long the pipeline may take to finish its work once the kills stop
 * @param brokers      1 for one embedded broker, restarted; 3 for a cluster of node processes, one killed
 * @param stageKills   the least number of SIGKILLs of each stage; 0 kills none, so only the broker is disrupted
 */
record ChaosSettings(Duration period, long seed, Duration killEvery, long tasks, Path workDir, Duration drainTimeout,
                     int brokers, int stageKills) {

    ChaosSettings {
        if (period.isNegative() || period.isZero() || killEvery.isNegative() || killEvery.isZero()) {
            throw new IllegalArgumentException("--minutes and --kill-every must be positive");
        }
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("--brokers must be 1 or 3, got " + brokers);
        }
        if (stageKills < 0) {
            throw new IllegalArgumentException("--stage-kills must be >= 0, got " + stageKills);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be >= 1, got " + tasks);
        }
    }
}
