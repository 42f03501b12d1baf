package io.east.eval;

import io.east.core.answer.EquivalenceGroups;
import java.util.List;
import java.util.Optional;

/**
 * The most common final answer among n responses, answers clustered by equivalence ("0.5" and "1/2" are one vote),
 * as EAST's own clustering does.
 *
 * <p>Answers are grouped by {@link EquivalenceGroups}. A response without an answer does not vote: it cannot be
 * right, and letting "no answer" win would only hide the answers that were given. A tie goes to the cluster seen
 * first.
 */
public final class MajorityVote {

    /**
     * @param answer the first answer of the winning cluster, as extracted
     * @param votes responses in the winning cluster
     * @param voters responses that gave an answer at all
     */
    public record Winner(String answer, int votes, int voters) {
    }

    private MajorityVote() {
    }

    /** @param answers extracted answers in sample order; null or blank for a response without one */
    public static Optional<Winner> of(List<String> answers) {
        List<List<Integer>> groups = EquivalenceGroups.of(answers);
        List<Integer> best = null;
        int voters = 0;
        for (List<Integer> group : groups) {
            voters += group.size();
            if (best == null || group.size() > best.size()) {
                best = group;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Winner(answers.get(best.get(0)), best.size(), voters));
    }
}
