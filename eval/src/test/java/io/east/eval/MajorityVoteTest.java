package io.east.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

    private static MajorityVote.Winner winner(String... answers) {
        return MajorityVote.of(Arrays.asList(answers)).orElseThrow();
    }

    @Test
    void theMostCommonAnswerWins() {
        assertThat(winner("5", "7", "5")).isEqualTo(new MajorityVote.Winner("5", 2, 3));
    }

    @Test
    void equivalentAnswersAreOneVote() {
        assertThat(winner("\\frac{1}{2}", "7", "0.5", "1/2")).isEqualTo(new MajorityVote.Winner("\\frac{1}{2}", 3, 4));
    }

    @Test
    void aTieGoesToTheAnswerSeenFirst() {
        assertThat(winner("3", "1/2", "0.5", "3").answer()).isEqualTo("3");
        assertThat(winner("1/2", "3", "3", "0.5").answer()).isEqualTo("1/2");
    }

    @Test
    void responsesWithoutAnAnswerDoNotVote() {
        assertThat(winner(null, "", "4", null)).isEqualTo(new MajorityVote.Winner("4", 1, 1));
        assertThat(MajorityVote.of(Arrays.asList(null, " "))).isEmpty();
        assertThat(MajorityVote.of(List.of())).isEmpty();
    }
}
