package io.east.bench.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this process's finished children, from Linux's /proc/self/stat (cutime + cstime): the difference
 * across one waited-for child is that child's CPU, its own waited-for children included. Elsewhere it is unknown.
 */
final class ChildCpu {

    /** Linux reports those times in USER_HZ ticks, which is 100 on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path STAT = Path.of("/proc/self/stat");

    private ChildCpu() {
    }

    /** Seconds of CPU used by the waited-for children so far; NaN where /proc/self/stat cannot be read. */
    static double seconds() {
        try {
            String stat = Files.readString(STAT);
            // Fields after the command name, which is in parentheses and may hold spaces: field 3 is the first.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
