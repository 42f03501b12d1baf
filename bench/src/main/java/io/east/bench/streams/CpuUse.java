package io.east.bench.streams;

import io.east.bench.ProcSelfStat;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time used by the whole machine and by this process (with its waited-for children, the ProducerPerformance
 * JVM) between two snapshots, from Linux's /proc. The difference is what other processes took from the two
 * cores during the bench: the figure that says whether the numbers were measured on a quiet machine. The JIT
 * compilers' time in this JVM is kept apart, since on two cores a JIT still at work takes from what is measured.
 */
record CpuUse(long machineBusyTicks, long ownTicks, long jitMillis, long wallNanos) {

    /** Null where /proc cannot be read (not Linux). */
    static CpuUse now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            ProcSelfStat self = ProcSelfStat.read().orElse(null);
            return self == null ? null
                    : new CpuUse(busy, self.ownTicks() + self.childTicks(), jitMillisSoFar(), System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The time this JVM's JIT compilers have spent so far, summed over their threads; 0 where not reported. */
    private static long jitMillisSoFar() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Cores this JVM's JIT compilers kept busy, on average, since {@code earlier}. */
    double jitCoresSince(CpuUse earlier) {
        return (jitMillis - earlier.jitMillis) / 1e3 / ((wallNanos - earlier.wallNanos) / 1e9);
    }

    /** Seconds of CPU others used since {@code earlier}, and this process's own seconds, the JIT's among them. */
    String describeSince(CpuUse earlier) {
        double wall = (wallNanos - earlier.wallNanos) / 1e9;
        double machine = (machineBusyTicks - earlier.machineBusyTicks) / ProcSelfStat.TICKS_PER_SECOND;
        double own = (ownTicks - earlier.ownTicks) / ProcSelfStat.TICKS_PER_SECOND;
        double others = Math.max(0, machine - own);
        return String.format(Locale.ROOT,
                "%.0f s wall; CPU: bench %.0f core-s (%.2f cores; JIT compiling in the bench JVM %.2f cores), "
                        + "other processes %.0f core-s (%.2f cores)",
                wall, own, own / wall, jitCoresSince(earlier), others, others / wall);
    }
}
