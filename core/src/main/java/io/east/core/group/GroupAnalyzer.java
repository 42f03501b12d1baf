package io.east.core.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies docs/method.md to the responses of one question task: clusters, entropy, A, R, the
 * keep/discard rules and the seeded choice of the chosen and rejected responses.
 */
public record GroupAnalyzer(Clustering clustering, SelectionRules rules, long seed) {

    public GroupAnalyzer {
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param taskId  seeds the choice of chosen and rejected responses
     * @param gold    the gold answer string (only the string-match rule reads it)
     * @param answers at least one response, in any order, with distinct sample indexes
     */
    public GroupAnalysis analyze(String taskId, String gold, List<SampleAnswer> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + ": no responses to analyse");
        }
        List<SampleAnswer> inOrder = new ArrayList<>(answers);
        inOrder.sort(Comparator.comparingInt(SampleAnswer::sampleIndex));
        List<SampleAnswer> graded = rules.requireStringMatch()
                ? inOrder.stream().map(answer -> applyStringMatch(answer, gold)).toList()
                : inOrder;
        int n = graded.size();
        if (graded.stream().map(SampleAnswer::sampleIndex).distinct().count() != n) {
            throw new IllegalArgumentException("task " + taskId + ": repeated sample_index among " + n + " responses");
        }
        List<ResponseCluster> clusters = AnswerClusterer.cluster(graded, clustering);
        double entropy = Entropy.bits(clusters.stream().map(ResponseCluster::count).toList());

        List<SampleAnswer> correct = graded.stream().filter(SampleAnswer::correct).toList();
        List<SampleAnswer> eligibleChosen = rules.requireBoxedChosen()
                ? correct.stream().filter(SampleAnswer::containsBoxed).toList()
                : correct;
        List<SampleAnswer> rejectedPool = rules.requireBoxedRejected()
                ? responsesGivingTheCommonBoxedWrongAnswer(inOrder)
                : mostCommonWrongCluster(clusters, graded);
        // A counts the grader's verdicts, so under the string-match rule an equivalent form still counts as correct.
        int verdictsCorrect = 0;
        for (SampleAnswer answer : inOrder) {
            verdictsCorrect += answer.correct() ? 1 : 0;
        }
        double accuracy = (double) verdictsCorrect / n;
        double rejectedShare = (double) rejectedPool.size() / n;

        Optional<DiscardReason> reason = discardReason(graded, answers, gold, correct, eligibleChosen, rejectedPool);
        if (reason.isPresent()) {
            return new GroupAnalysis(clusters, n, entropy, accuracy, rejectedShare, reason,
                    Optional.empty(), Optional.empty());
        }
        SeededChoice choice = new SeededChoice(seed, taskId);
        int chosen = eligibleChosen.get(choice.nextIndex(eligibleChosen.size())).sampleIndex();
        Optional<Integer> rejected = rejectedPool.isEmpty()
                ? Optional.empty()
                : Optional.of(rejectedPool.get(choice.nextIndex(rejectedPool.size())).sampleIndex());
        return new GroupAnalysis(clusters, n, entropy, accuracy, rejectedShare, Optional.empty(),
                Optional.of(chosen), rejected);
    }

    private SampleAnswer applyStringMatch(SampleAnswer answer, String gold) {
        if (!rules.requireStringMatch() || !answer.correct() || Objects.equals(answer.answer(), gold)) {
            return answer;
        }
        return new SampleAnswer(answer.sampleIndex(), answer.answer(), false, answer.containsBoxed());
    }

    private Optional<DiscardReason> discardReason(List<SampleAnswer> graded, List<SampleAnswer> original, String gold,
            List<SampleAnswer> correct, List<SampleAnswer> eligibleChosen, List<SampleAnswer> rejectedPool) {
        if (correct.isEmpty()) {
            return Optional.of(DiscardReason.NO_CORRECT);
        }
        if (correct.size() == graded.size()) {
            return Optional.of(DiscardReason.ALL_CORRECT);
        }
        if (rules.requireStringMatch()) {
            long matchingGold = original.stream().filter(a -> Objects.equals(a.answer(), gold)).count();
            long gradedCorrect = original.stream().filter(SampleAnswer::correct).count();
            if (matchingGold > gradedCorrect) {
                return Optional.of(DiscardReason.GRADER_MISMATCH);
            }
        }
        if (eligibleChosen.isEmpty()) {
            return Optional.of(DiscardReason.NO_BOXED_CORRECT);
        }
        if (rules.requireBoxedRejected() && rejectedPool.isEmpty()) {
            return Optional.of(DiscardReason.NO_BOXED_REJECTED);
        }
        return Optional.empty();
    }

    /** The wrong responses of the largest wrong cluster; a tie goes to the cluster seen first. */
    private static List<SampleAnswer> mostCommonWrongCluster(List<ResponseCluster> clusters, List<SampleAnswer> graded) {
        Map<Integer, SampleAnswer> byIndex = new HashMap<>();
        graded.forEach(answer -> byIndex.put(answer.sampleIndex(), answer));
        List<SampleAnswer> best = List.of();
        for (ResponseCluster cluster : clusters) {
            List<SampleAnswer> members = new ArrayList<>(cluster.count());
            for (int index : cluster.members()) {
                SampleAnswer answer = byIndex.get(index);
                if (!answer.correct()) {
                    members.add(answer);
                }
            }
            if (members.size() > best.size()) {
                best = members;
            }
        }
        return best;
    }

    /**
     * The reference's rejected pool: the most common answer string among the boxed responses the grader marked wrong
     * (a tie goes to the string boxed first), then every response giving that string, boxed or not.
     */
    private static List<SampleAnswer> responsesGivingTheCommonBoxedWrongAnswer(List<SampleAnswer> inOrder) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SampleAnswer answer : inOrder) {
            if (!answer.correct() && answer.containsBoxed()) {
                counts.merge(answer.answer(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return List.of();
        }
        // Insertion order plus a strict comparison: the first string to reach the top count wins, as Counter does.
        String common = null;
        int best = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > best) {
                common = entry.getKey();
                best = entry.getValue();
            }
        }
        String pred = common;
        List<SampleAnswer> pool = new ArrayList<>(best);
        for (SampleAnswer answer : inOrder) {
            if (Objects.equals(pred, answer.answer())) {
                pool.add(answer);
            }
        }
        return pool;
    }
}
