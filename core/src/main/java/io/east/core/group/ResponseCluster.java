package io.east.core.group;

import java.util.List;

/**
 * Responses that gave the same final answer.
 *
 * @param answer  the representative answer (of the lowest sample index), null for responses without an answer
 * @param members sample indexes in ascending order
 * @param correct whether the answer is correct (decided by its representative)
 */
public record ResponseCluster(String answer, List<Integer> members, boolean correct) {

    public ResponseCluster {
        members = List.copyOf(members);
    }

    public int count() {
        return members.size();
    }
}
