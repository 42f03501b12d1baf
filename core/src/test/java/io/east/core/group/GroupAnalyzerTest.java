package io.east.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupAnalyzerTest {

    private static final GroupAnalyzer STANDARD = new GroupAnalyzer(Clustering.EXACT, SelectionRules.STANDARD, 7);
    private static final GroupAnalyzer REFERENCE = new GroupAnalyzer(Clustering.EXACT, SelectionRules.REFERENCE, 7);

    /** A response that boxed its answer, if it gave one. */
    private static SampleAnswer answer(int index, String answer, boolean correct) {
        return new SampleAnswer(index, answer, correct, answer != null);
    }

    /** A response that gave its answer without boxing it, which the reference rules treat apart. */
    private static SampleAnswer unboxed(int index, String answer, boolean correct) {
        return new SampleAnswer(index, answer, correct, false);
    }

    @Test
    void computesClustersEntropyAccuracyAndRejectedShare() {
        // Clusters {5: 2, 3: 1, none: 1}: h = 0.5*1 + 2 * 0.25*2 = 1.5 bits.
        GroupAnalysis analysis = STANDARD.analyze("t", "5", List.of(
                answer(0, "5", true), answer(1, "5", true), answer(2, "3", false), answer(3, null, false)));

        assertThat(analysis.clusters()).extracting(ResponseCluster::answer).containsExactly("5", "3", null);
        assertThat(analysis.clusters()).extracting(ResponseCluster::count).containsExactly(2, 1, 1);
        assertThat(analysis.clusters()).extracting(ResponseCluster::correct).containsExactly(true, false, false);
        assertThat(analysis.entropy()).isCloseTo(1.5, within(1e-12));
        assertThat(analysis.accuracy()).isEqualTo(0.5);
        assertThat(analysis.rejectedShare()).isEqualTo(0.25);
        assertThat(analysis.received()).isEqualTo(4);
        assertThat(analysis.kept()).isTrue();
        assertThat(analysis.chosenIndex().orElseThrow()).isIn(0, 1);
        // The two wrong clusters tie at one member: the one seen first is the most common.
        assertThat(analysis.rejectedIndex()).contains(2);
    }

    @Test
    void rejectedComesFromTheMostCommonWrongCluster() {
        GroupAnalysis analysis = STANDARD.analyze("t", "5", List.of(
                answer(0, "4", false), answer(1, "5", true), answer(2, "6", false), answer(3, "6", false),
                answer(4, "6", false), answer(5, "4", false)));
        assertThat(analysis.rejectedShare()).isEqualTo(0.5);
        assertThat(analysis.rejectedIndex().orElseThrow()).isIn(2, 3, 4);
        assertThat(analysis.chosenIndex()).contains(1);
    }

    @Test
    void discardsWhenNothingOrEverythingIsCorrect() {
        GroupAnalysis none = STANDARD.analyze("t", "5", List.of(answer(0, "4", false), answer(1, "3", false)));
        assertThat(none.discardReason()).contains(DiscardReason.NO_CORRECT);
        assertThat(none.chosenIndex()).isEmpty();
        assertThat(none.entropy()).isEqualTo(1.0);

        GroupAnalysis all = STANDARD.analyze("t", "5", List.of(answer(0, "5", true), answer(1, "5", true)));
        assertThat(all.discardReason()).contains(DiscardReason.ALL_CORRECT);
        assertThat(all.entropy()).isZero();
        assertThat(all.accuracy()).isEqualTo(1.0);
    }

    @Test
    void referenceRulesChooseOnlyAResponseWhoseStringEqualsTheGold() {
        // "5.0" was graded correct but is not the string "5": it cannot be chosen, yet it is not a wrong answer either,
        // so A counts it and the rejected response is the boxed wrong "7" (the reference code's score == False).
        GroupAnalysis analysis = REFERENCE.analyze("t", "5", List.of(
                answer(0, "5", true), answer(1, "5.0", true), answer(2, "7", false)));
        assertThat(analysis.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(analysis.rejectedShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(analysis.kept()).isTrue();
        assertThat(analysis.chosenIndex()).contains(0);
        assertThat(analysis.rejectedIndex()).contains(2);
        assertThat(analysis.clusters()).extracting(ResponseCluster::correct).containsExactly(true, false, false);
    }

    @Test
    void referenceRulesDropAQuestionWhenGraderAndStringMatchDisagree() {
        GroupAnalysis analysis = REFERENCE.analyze("t", "5", List.of(
                answer(0, "5", true), answer(1, "5", false), answer(2, "7", false)));
        assertThat(analysis.discardReason()).contains(DiscardReason.GRADER_MISMATCH);
    }

    @Test
    void referenceRulesNeedBoxedChosenAndBoxedRejected() {
        GroupAnalysis noBoxedCorrect = REFERENCE.analyze("t", "5",
                List.of(unboxed(0, "5", true), answer(1, "7", false)));
        assertThat(noBoxedCorrect.discardReason()).contains(DiscardReason.NO_BOXED_CORRECT);

        GroupAnalysis noBoxedWrong = REFERENCE.analyze("t", "5",
                List.of(answer(0, "5", true), unboxed(1, "7", false)));
        assertThat(noBoxedWrong.discardReason()).contains(DiscardReason.NO_BOXED_REJECTED);
        assertThat(noBoxedWrong.rejectedShare()).isZero();
    }

    @Test
    void referenceRCountsEveryResponseGivingTheMostCommonBoxedWrongAnswer() {
        // Boxed wrong answers: "8" once. "7" is more common but never boxed, so it is not the common answer.
        GroupAnalysis unboxedMajority = REFERENCE.analyze("t", "5", List.of(
                answer(0, "5", true), unboxed(1, "7", false), unboxed(2, "7", false), answer(3, "8", false)));
        assertThat(unboxedMajority.rejectedShare()).isEqualTo(0.25);
        assertThat(unboxedMajority.rejectedIndex()).contains(3);

        // "8" is boxed once and also given unboxed twice: R counts all three, and any of them may be drawn.
        List<SampleAnswer> answers = List.of(answer(0, "5", true), unboxed(1, "8", false), unboxed(2, "8", false),
                answer(3, "8", false), unboxed(4, "9", false));
        assertThat(REFERENCE.analyze("t", "5", answers).rejectedShare()).isEqualTo(0.6);
        Set<Integer> drawn = new HashSet<>();
        for (int seed = 0; seed < 40; seed++) {
            drawn.add(new GroupAnalyzer(Clustering.EXACT, SelectionRules.REFERENCE, seed)
                    .analyze("t", "5", answers).rejectedIndex().orElseThrow());
        }
        assertThat(drawn).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void referenceTieGoesToTheWrongAnswerBoxedFirstNotToTheClusterSeenFirst() {
        // "4" appears first (unboxed, index 1) but "6" is the first boxed wrong answer (index 2): Counter picks "6".
        List<SampleAnswer> answers = List.of(
                answer(0, "1", true), unboxed(1, "4", false), answer(2, "6", false), answer(3, "4", false));
        GroupAnalysis analysis = REFERENCE.analyze("t", "1", answers);
        assertThat(analysis.rejectedIndex()).contains(2);
        assertThat(analysis.rejectedShare()).isEqualTo(0.25);

        // Under the standard rules the largest wrong cluster is "4" with two members.
        GroupAnalysis standard = STANDARD.analyze("t", "1", answers);
        assertThat(standard.rejectedShare()).isEqualTo(0.5);
        assertThat(standard.rejectedIndex().orElseThrow()).isIn(1, 3);
    }

    @Test
    void equivalenceClusteringMergesEqualValuesWrittenDifferently() {
        GroupAnalyzer analyzer = new GroupAnalyzer(Clustering.EQUIVALENT, SelectionRules.STANDARD, 1);
        GroupAnalysis analysis = analyzer.analyze("t", "1/2", halves());
        assertThat(analysis.clusters()).extracting(ResponseCluster::count).containsExactly(3, 1);
        assertThat(analysis.entropy()).isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2),
                within(1e-12));

        GroupAnalysis exact = STANDARD.analyze("t", "1/2", halves());
        assertThat(exact.clusters()).hasSize(4);
    }

    /** One half written three ways, and a wrong answer. */
    private static List<SampleAnswer> halves() {
        return List.of(answer(0, "0.5", true), answer(1, "\\frac{1}{2}", true), answer(2, "1/2", true),
                answer(3, "2", false));
    }

    @Test
    void choicesDependOnSeedAndTaskButNotOnArrivalOrder() {
        List<SampleAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(answer(i, i % 2 == 0 ? "5" : Integer.toString(i % 3), i % 2 == 0));
        }
        GroupAnalysis first = STANDARD.analyze("task-1", "5", answers);
        List<SampleAnswer> shuffled = new ArrayList<>(answers);
        Collections.shuffle(shuffled, new Random(3));
        GroupAnalysis again = STANDARD.analyze("task-1", "5", shuffled);
        assertThat(again).isEqualTo(first);

        Set<Optional<Integer>> chosen = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            chosen.add(new GroupAnalyzer(Clustering.EXACT, SelectionRules.STANDARD, seed)
                    .analyze("task-1", "5", answers).chosenIndex());
        }
        assertThat(chosen).hasSizeGreaterThan(3);
    }

    @Test
    void refusesRepeatedSampleIndexesAndEmptyGroups() {
        assertThatThrownBy(() -> STANDARD.analyze("t9", "5", List.of(answer(0, "5", true), answer(0, "4", false))))
                .hasMessageContaining("t9").hasMessageContaining("repeated sample_index");
        assertThatThrownBy(() -> STANDARD.analyze("t9", "5", List.of())).hasMessageContaining("no responses");
    }
}
