package io.east.producers.feed;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks published but not yet completed. A concurrent set: the producer's I/O thread removes tasks whose send
 * failed, since no summary will ever come for them.
 */
final class InFlightTasks {

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private long completed;

    void published(String taskId) {
        pending.add(taskId);
    }

    void sendFailed(String taskId) {
        pending.remove(taskId);
    }

    /** Marks the feed's own tasks among {@code taskIds} complete; others' tasks and repeats are ignored. */
    int completed(Collection<String> taskIds) {
        int count = 0;
        for (String taskId : taskIds) {
            if (pending.remove(taskId)) {
                count++;
            }
        }
        completed += count;
        return count;
    }

    int size() {
        return pending.size();
    }

    long completedCount() {
        return completed;
    }
}
