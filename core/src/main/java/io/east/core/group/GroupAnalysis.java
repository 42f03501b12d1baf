package io.east.core.group;

import java.util.List;
import java.util.Optional;

/**
 * Everything the method computes for one question task.
 *
 * @param clusters      answer clusters in order of first sample index
 * @param received      how many responses were analysed
 * @param entropy       entropy of the clusters in bits
 * @param accuracy      A: share of correct responses
 * @param rejectedShare R: share of the most common wrong answer among all responses
 * @param discardReason empty when the task is kept
 * @param chosenIndex   sample index of the chosen correct response (kept tasks only)
 * @param rejectedIndex sample index of the rejected response from the most common wrong cluster (kept tasks only)
 */
public record GroupAnalysis(
        List<ResponseCluster> clusters,
        int received,
        double entropy,
        double accuracy,
        double rejectedShare,
        Optional<DiscardReason> discardReason,
        Optional<Integer> chosenIndex,
        Optional<Integer> rejectedIndex) {

    public GroupAnalysis {
        clusters = List.copyOf(clusters);
    }

    public boolean kept() {
        return discardReason.isEmpty();
    }
}
