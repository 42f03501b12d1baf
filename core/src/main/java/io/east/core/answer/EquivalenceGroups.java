package io.east.core.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers grouped by equivalence ("0.5" and "1/2" are one): an answer joins the first group, in order of first
 * appearance, whose first answer it is equivalent to. EAST's equivalence clustering and the evaluator's majority vote
 * both group answers this way.
 */
public final class EquivalenceGroups {

    private EquivalenceGroups() {
    }

    /**
     * @param answers in sample order; a null or blank answer is in no group
     * @return the positions in {@code answers} of each group's members, groups in order of their first member
     */
    public static List<List<Integer>> of(List<String> answers) {
        List<ParsedAnswer> firsts = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int position = 0; position < answers.size(); position++) {
            String answer = answers.get(position);
            if (answer == null || answer.isBlank()) {
                continue;
            }
            ParsedAnswer parsed = ParsedAnswer.parse(answer);
            int group = 0;
            while (group < firsts.size() && !parsed.equivalentTo(firsts.get(group))) {
                group++;
            }
            if (group == firsts.size()) {
                firsts.add(parsed);
                groups.add(new ArrayList<>());
            }
            groups.get(group).add(position);
        }
        return groups.stream().map(List::copyOf).toList();
    }
}
