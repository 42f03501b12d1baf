package io.east.schemas.topics;

/** How many replicas must acknowledge a write (acks=all) for a given replication factor. */
public final class MinInsyncReplicas {

    private MinInsyncReplicas() {
    }

    /** 2 for 3 or more replicas, so one node may be down; 1 below that, where a second copy cannot be required. */
    public static int forReplicas(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        return replicas >= 3 ? 2 : 1;
    }
}
