package io.east.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's CPU times from Linux's /proc/self/stat, in USER_HZ ticks: its own (utime, stime) and its waited-for
 * children's (cutime, cstime). Benches use it to tell their own CPU from the rest of the machine's.
 */
public record ProcSelfStat(long userTicks, long systemTicks, long childUserTicks, long childSystemTicks) {

    /** USER_HZ, in which Linux reports these times: 100 on every architecture it runs on. */
    public static final double TICKS_PER_SECOND = 100.0;
    private static final Path STAT = Path.of("/proc/self/stat");

    /** Empty where /proc/self/stat cannot be read (not Linux). */
    public static Optional<ProcSelfStat> read() {
        try {
            return Optional.of(parse(Files.readString(STAT)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a stat line, counting fields after the command name, which is in parentheses and may hold spaces. */
    static ProcSelfStat parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // utime, stime, cutime, cstime are fields 14-17 of the line, so 12-15 (indexes 11-14) after the name.
        return new ProcSelfStat(Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]));
    }

    public long ownTicks() {
        return userTicks + systemTicks;
    }

    public long childTicks() {
        return childUserTicks + childSystemTicks;
    }
}
