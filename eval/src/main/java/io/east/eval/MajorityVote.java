package io.east.eval;

import io.east.core.answer.ParsedAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The most common final answer among n responses, answers clustered by equivalence ("0.5" and "1/2" are one vote),
 * as EAST's own clustering does.
 *
 * <p>An answer joins the first cluster (in order of first appearance) whose first answer it is equivalent to. A
 * response without an answer does not vote: it cannot be right, and letting "no answer" win would only hide the
 * answers that were given. A tie goes to the cluster seen first.
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
        List<ParsedAnswer> firsts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int voters = 0;
        for (String answer : answers) {
            if (answer == null || answer.isBlank()) {
                continue;
            }
            voters++;
            ParsedAnswer parsed = ParsedAnswer.parse(answer);
            int cluster = 0;
            while (cluster < firsts.size() && !parsed.equivalentTo(firsts.get(cluster))) {
                cluster++;
            }
            if (cluster == firsts.size()) {
                firsts.add(parsed);
                counts.add(0);
            }
            counts.set(cluster, counts.get(cluster) + 1);
        }
        int best = -1;
        for (int cluster = 0; cluster < counts.size(); cluster++) {
            if (best < 0 || counts.get(cluster) > counts.get(best)) {
                best = cluster;
            }
        }
        return best < 0 ? Optional.empty()
                : Optional.of(new Winner(firsts.get(best).raw(), counts.get(best), voters));
    }
}
