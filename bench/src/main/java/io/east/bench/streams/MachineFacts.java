package io.east.bench.streams;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The facts a reader needs to compare these figures with another machine's. */
final class MachineFacts {

    private MachineFacts() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String java() {
        return System.getProperty("java.version");
    }

    static String describe() {
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Report.LOCALE, "%d cores, Java %s (%s), GC %s, max heap %d MB, %s %s, "
                        + "load average %s at start", cores(), java(), System.getProperty("java.vm.name"), gcs,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.version"), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or n/a off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
