package io.east.producers.generate.djl;

import io.east.model.NativeMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in use. A swap closes the policy it replaces, so exactly one checkpoint's weights stay in memory; the
 * caller swaps only between batches, on the thread that samples, so no sampling call still uses the old weights.
 */
final class PolicyHolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyHolder.class);

    /** Volatile: {@link #version()} is read by other threads (logs, metrics). */
    private volatile LoadedPolicy current;

    PolicyHolder() {
    }

    PolicyHolder(LoadedPolicy initial) {
        this.current = initial;
    }

    boolean isEmpty() {
        return current == null;
    }

    LoadedPolicy current() {
        LoadedPolicy policy = current;
        if (policy == null) {
            throw new IllegalStateException("no policy is loaded");
        }
        return policy;
    }

    /** The loaded version, or -1 before the first. */
    long version() {
        LoadedPolicy policy = current;
        return policy == null ? -1 : policy.version();
    }

    /** Puts {@code next} in use and closes the policy it replaces. */
    void swap(LoadedPolicy next) {
        LoadedPolicy old = current;
        current = next;
        if (old != null) {
            old.close();
            // Weights are freed with malloc's free lists; hand the pages back rather than keep two models' worth.
            NativeMemory.releaseFreePages();
            LOG.atDebug().addKeyValue("closed_version", old.version()).log("previous policy closed");
        }
    }

    @Override
    public void close() {
        swap(null);
    }
}
