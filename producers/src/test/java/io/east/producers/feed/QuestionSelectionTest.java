package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuestionSelectionTest {

    private static final List<FeedQuestion> QUESTIONS = IntStream.range(0, 50)
            .mapToObj(i -> new FeedQuestion("q" + i, "question " + i, Integer.toString(i), null)).toList();

    @Test
    void withoutShuffleTheLimitTakesTheFirstQuestionsInFileOrder() {
        assertThat(QuestionSelection.select(QUESTIONS, null, 3)).extracting(FeedQuestion::questionId)
                .containsExactly("q0", "q1", "q2");
        assertThat(QuestionSelection.select(QUESTIONS, null, null)).isEqualTo(QUESTIONS);
        assertThat(QuestionSelection.select(QUESTIONS, null, 500)).isEqualTo(QUESTIONS);
    }

    @Test
    void aShuffleSeedGivesTheSameOrderEveryTimeAndTheLimitAPrefixOfIt() {
        List<FeedQuestion> shuffled = QuestionSelection.select(QUESTIONS, 7L, null);
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(QUESTIONS).isNotEqualTo(QUESTIONS);
        assertThat(QuestionSelection.select(QUESTIONS, 7L, null)).isEqualTo(shuffled);
        assertThat(QuestionSelection.select(QUESTIONS, 7L, 10)).isEqualTo(shuffled.subList(0, 10));
        assertThat(QuestionSelection.select(QUESTIONS, 8L, null)).isNotEqualTo(shuffled);
        // Pinned: java.util.Random and Collections.shuffle are specified algorithms, so this never changes.
        assertThat(QuestionSelection.select(QUESTIONS, 7L, 3)).extracting(FeedQuestion::questionId)
                .containsExactly("q43", "q11", "q30");
    }

    @Test
    void theInputIsNotChanged() {
        List<FeedQuestion> copy = List.copyOf(QUESTIONS);
        QuestionSelection.select(QUESTIONS, 1L, 5);
        assertThat(QUESTIONS).isEqualTo(copy);
        assertThatThrownBy(() -> QuestionSelection.select(QUESTIONS, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
