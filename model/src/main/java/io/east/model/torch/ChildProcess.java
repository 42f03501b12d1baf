package io.east.model.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end or killed, with everything it started, at a deadline. Its output (stdout and
 * stderr together) is read on a thread of its own, so a child that writes much never blocks on a full pipe and a
 * child that hangs never hangs the caller past the deadline.
 */
final class ChildProcess {

    /** How long the output may take to end once the child is gone: something it started may hold the pipe. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /**
     * @param exitCode the child's exit status; -1 when it timed out
     * @param output what it wrote before it ended or was killed
     * @param timedOut whether it was killed at the deadline
     */
    record Result(int exitCode, String output, boolean timedOut) {

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    private ChildProcess() {}

    /**
     * Runs {@code command} for at most {@code timeout}.
     *
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting; the child and its descendants are killed first
     */
    static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Output output = Output.drain(process.getInputStream(), command.get(0));
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                destroyTree(process);
                return new Result(-1, output.awaitEnd(), true);
            }
        } catch (InterruptedException e) {
            destroyTree(process);
            throw e;
        }
        return new Result(process.exitValue(), output.awaitEnd(), false);
    }

    /** The descendants are listed before the child dies: afterwards they are no longer its descendants. */
    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** A child's output, read to its end on a daemon thread. */
    private static final class Output {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Thread reader;

        static Output drain(InputStream stream, String program) {
            Output output = new Output();
            output.reader = new Thread(() -> output.read(stream), "east-child-output-" + program);
            output.reader.setDaemon(true);
            output.reader.start();
            return output;
        }

        private void read(InputStream stream) {
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    append(buffer, read);
                }
            } catch (IOException e) {
                // The child was killed: what was read is all there is.
            }
        }

        private synchronized void append(byte[] buffer, int length) {
            bytes.write(buffer, 0, length);
        }

        String awaitEnd() throws InterruptedException {
            reader.join(DRAIN.toMillis());
            synchronized (this) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
