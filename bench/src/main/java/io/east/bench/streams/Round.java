package io.east.bench.streams;

import java.util.Arrays;
import java.util.List;

/**
 * One measured round: (a) then (b), back to back on the same warm broker, so the two figures of a round saw the
 * same machine. The bench runs several and reports the median ratio, since on two cores a single pair moves by
 * more than the margin the goal is judged on.
 *
 * @param perf       (a), ProducerPerformance
 * @param throughput (b), the streams app's replay
 * @param jitCoresA  cores the bench JVM's JIT compilers kept busy during (a), and
 * @param jitCoresB  during (b): what a JVM still warming up took from the measurement
 */
record Round(ProducerPerfRun.Result perf, ThroughputRun.Result throughput, double jitCoresA, double jitCoresB) {

    double a() {
        return perf.reference().recordsPerSecond();
    }

    double b() {
        return throughput.samplesPerSecond();
    }

    double ratio() {
        return b() / a();
    }

    /** The median of the rounds' ratios; of an even count, the lower middle one, so it is never flattered. */
    static Round median(List<Round> rounds) {
        Round[] sorted = rounds.toArray(Round[]::new);
        Arrays.sort(sorted, (x, y) -> Double.compare(x.ratio(), y.ratio()));
        return sorted[(sorted.length - 1) / 2];
    }
}
