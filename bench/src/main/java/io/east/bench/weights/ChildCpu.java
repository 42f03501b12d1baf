package io.east.bench.weights;

import io.east.bench.ProcSelfStat;

/**
 * The CPU time of this process's finished children (cutime + cstime): the difference across one waited-for child
 * is that child's CPU, its own waited-for children included. Unknown (NaN) where /proc cannot be read.
 */
final class ChildCpu {

    private ChildCpu() {
    }

    /** Seconds of CPU used by the waited-for children so far; NaN where /proc/self/stat cannot be read. */
    static double seconds() {
        return ProcSelfStat.read().map(stat -> stat.childTicks() / ProcSelfStat.TICKS_PER_SECOND).orElse(Double.NaN);
    }
}
