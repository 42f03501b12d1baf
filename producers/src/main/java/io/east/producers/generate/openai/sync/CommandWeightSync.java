package io.east.producers.generate.openai.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A user command does the load: {@link SyncCommand}'s program, run without a shell, with {@code {path}} (as the server
 * sees it) and {@code {version}} filled in. Exit code 0 means the server now serves the checkpoint; anything else, or
 * no exit within the timeout (the command and its children are then killed), is a failed attempt whose reason carries
 * the end of the command's output.
 */
final class CommandWeightSync implements WeightSync {

    private static final int OUTPUT_TAIL = 400;

    private final SyncCommand command;
    private final Duration timeout;

    CommandWeightSync(SyncCommand command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public WeightSyncMode mode() {
        return WeightSyncMode.COMMAND;
    }

    @Override
    public String target() {
        return "command " + command;
    }

    @Override
    public void load(ServedCheckpoint checkpoint) throws WeightSyncException, InterruptedException {
        List<String> argv = command.argv(checkpoint.servedPath(), checkpoint.version());
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            throw WeightSyncException.permanent("cannot run '" + argv.get(0) + "': " + e.getMessage());
        }
        OutputTail output = OutputTail.follow(process.getInputStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw WeightSyncException.retryable("'" + String.join(" ", argv) + "' did not finish within " + timeout
                        + "; killed" + output.describe());
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        output.awaitEnd();
        int exit = process.exitValue();
        if (exit != 0) {
            throw WeightSyncException.retryable("'" + String.join(" ", argv) + "' exited with " + exit
                    + output.describe());
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The last characters of a process's output, read on a daemon thread so a chatty command never blocks. */
    private static final class OutputTail {
        /** How long an exited command's output may take to drain: its children may hold the pipe open. */
        private static final Duration DRAIN = Duration.ofSeconds(1);

        private final StringBuilder tail = new StringBuilder();
        private Thread reader;

        static OutputTail follow(InputStream stream) {
            OutputTail output = new OutputTail();
            output.reader = new Thread(() -> output.read(stream), "east-sync-command-output");
            output.reader.setDaemon(true);
            output.reader.start();
            return output;
        }

        void awaitEnd() throws InterruptedException {
            reader.join(DRAIN.toMillis());
        }

        private void read(InputStream stream) {
            byte[] buffer = new byte[4096];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The process was killed: what was read is all there is.
            }
        }

        private synchronized void append(String text) {
            tail.append(text);
            if (tail.length() > OUTPUT_TAIL * 2) {
                tail.delete(0, tail.length() - OUTPUT_TAIL);
            }
        }

        synchronized String describe() {
            String text = tail.length() > OUTPUT_TAIL ? tail.substring(tail.length() - OUTPUT_TAIL) : tail.toString();
            text = text.strip().replaceAll("\\s+", " ");
            return text.isEmpty() ? "" : "; output: " + text;
        }
    }
}
