package io.east.producers.generate.openai.sync;

import io.east.model.ChildProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

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
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(argv, timeout);
        } catch (IOException e) {
            throw WeightSyncException.permanent("cannot run '" + argv.get(0) + "': " + e.getMessage());
        }
        if (!result.succeeded()) {
            String tail = result.outputTail(OUTPUT_TAIL);
            throw WeightSyncException.retryable("'" + String.join(" ", argv) + "' "
                    + (result.timedOut() ? "did not finish within " + timeout + "; killed" : "exited with "
                            + result.exitCode()) + (tail.isEmpty() ? "" : "; output: " + tail));
        }
    }
}
