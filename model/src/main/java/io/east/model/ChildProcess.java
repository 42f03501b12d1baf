package io.east.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end or killed, with everything it started, at a deadline. Its output (stdout and
 * stderr together) is read on a thread of its own, so a child that writes much never blocks on a full pipe, and only
 * its last {@link #KEPT_OUTPUT_BYTES} are kept, so a chatty child never fills the heap.
 */
public final class ChildProcess {

    public static final int KEPT_OUTPUT_BYTES = 1 << 20;
    /** How long the output may take to end once the child is gone: something it started may hold the pipe. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /**
     * @param exitCode the child's exit status; -1 when it timed out
     * @param output the end of what it wrote before it ended or was killed
     * @param timedOut whether it was killed at the deadline
     */
    public record Result(int exitCode, String output, boolean timedOut) {

        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The last {@code chars} characters of the output on one line, whitespace runs made single spaces. */
        public String outputTail(int chars) {
            String tail = output.length() > chars ? output.substring(output.length() - chars) : output;
            return tail.strip().replaceAll("\\s+", " ");
        }
    }

    private ChildProcess() {}

    /**
     * Runs {@code command}, without a shell, for at most {@code timeout}.
     *
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting; the child and its descendants are killed first
     */
    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
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

    /** The end of a child's output, read to its end on a daemon thread. */
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

        /** Trimmed only once twice the limit is held, so the copy costs little per byte read. */
        private synchronized void append(byte[] buffer, int length) {
            bytes.write(buffer, 0, length);
            if (bytes.size() > 2 * KEPT_OUTPUT_BYTES) {
                byte[] all = bytes.toByteArray();
                bytes.reset();
                bytes.write(all, all.length - KEPT_OUTPUT_BYTES, KEPT_OUTPUT_BYTES);
            }
        }

        String awaitEnd() throws InterruptedException {
            reader.join(DRAIN.toMillis());
            synchronized (this) {
                byte[] all = bytes.toByteArray();
                int from = Math.max(0, all.length - KEPT_OUTPUT_BYTES);
                return new String(all, from, all.length - from, StandardCharsets.UTF_8);
            }
        }
    }
}
