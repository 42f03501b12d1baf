package io.east.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When the chaos driver kills which stage, how long the stage stays down, and when the broker restarts: drawn from a
 * seed, so a run can be repeated. Every stage is killed at least {@code killsPerStage} times, in a shuffled order,
 * about every {@code killEvery} (plus or minus a third); the broker restarts once, halfway through.
 */
record ChaosPlan(List<Kill> kills, Duration brokerRestartAt) {

    /** A SIGKILL of one stage at {@code at} after the start, restarted {@code downFor} later. */
    record Kill(Stage stage, Duration at, Duration downFor) {
    }

    static ChaosPlan draw(long seed, Duration period, Duration killEvery, List<Stage> stages, int killsPerStage) {
        Random random = new Random(seed);
        if (killsPerStage == 0) {
            return new ChaosPlan(List.of(), period.dividedBy(2));
        }
        int count = Math.max(killsPerStage * stages.size(), (int) (period.toMillis() / killEvery.toMillis()));
        List<Stage> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(stages.get(i % stages.size()));
        }
        Collections.shuffle(order, random);
        // Kills are spread over the period, leaving its last tenth for the pipeline to settle before the drain.
        long spacing = period.toMillis() * 9 / 10 / (count + 1);
        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long jitter = (long) ((random.nextDouble() - 0.5) * spacing * 2 / 3);
            Duration at = Duration.ofMillis(spacing * (i + 1) + jitter);
            Duration downFor = Duration.ofMillis(500 + random.nextInt(4_500));
            kills.add(new Kill(order.get(i), at, downFor));
        }
        return new ChaosPlan(List.copyOf(kills), period.dividedBy(2));
    }

    long killsOf(Stage stage) {
        return kills.stream().filter(kill -> kill.stage() == stage).count();
    }
}
