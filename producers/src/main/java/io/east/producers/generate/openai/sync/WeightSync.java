package io.east.producers.generate.openai.sync;

import java.util.List;

/**
 * Makes a server load a checkpoint and confirms it serves it. Called by {@link WeightSyncer} only, from one thread, at a
 * batch boundary: no request of this process is in flight then.
 */
public interface WeightSync {

    WeightSyncMode mode();

    /** The route or command a load goes to, for logs. */
    String target();

    /**
     * One attempt: asks the server to load {@code checkpoint}, then confirms it serves it.
     *
     * @throws WeightSyncException when the server refused, failed, timed out or did not confirm; it says why
     */
    void load(ServedCheckpoint checkpoint) throws WeightSyncException, InterruptedException;

    /**
     * Checks that nobody else reloaded the server: it still serves one of {@code ours}, the checkpoints this process
     * loaded or last tried to. A server that cannot tell what it serves passes.
     *
     * @throws SharedEndpointException when the server serves something this process never asked for
     * @throws WeightSyncException when the server cannot be asked right now
     */
    default void checkOwnership(List<ServedCheckpoint> ours) throws WeightSyncException, InterruptedException {
    }

    /**
     * Whether the server reports serving {@code checkpoint} now: after a load that timed out on our side, the server
     * may have finished it anyway. False when it does not, or cannot tell.
     */
    default boolean reportsServing(ServedCheckpoint checkpoint) throws InterruptedException {
        return false;
    }
}
