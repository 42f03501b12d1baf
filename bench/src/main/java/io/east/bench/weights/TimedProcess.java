package io.east.bench.weights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One child process run to its end: wall seconds and CPU seconds, or a failure that says what it printed. */
record TimedProcess(double wallSeconds, double cpuSeconds) {

    private static final int ERROR_TAIL_CHARS = 2_000;

    /** Runs {@code command}; its stdout and stderr go to {@code log}, which a failure quotes the end of. */
    static TimedProcess run(List<String> command, Path log) throws IOException, InterruptedException {
        double cpuBefore = ChildCpu.seconds();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close(); // nothing to read on its standard input
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = ChildCpu.seconds() - cpuBefore;
        if (exit != 0) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n"
                    + text.substring(Math.max(0, text.length() - ERROR_TAIL_CHARS)));
        }
        return new TimedProcess(wall, cpu);
    }
}
