package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningSamplesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void gradesEachResponseAndStoresTheNormalisedAnswer() {
        QuestionTask task = Tasks.task("t1", "Half of one?", "0.5", 4);
        List<Generation> generations = List.of(
                new Generation("So it is \\boxed{\\dfrac12}.", 7, -0.4, 3),
                new Generation("The answer is 1,000.", 5, null, 3),
                new Generation("no idea", 2, -1.5, 4),
                new Generation("#### 0.50", 3, -0.1, 3));

        List<ReasoningSample> samples = ReasoningSamples.of(task, generations, "openai:m", NOW);

        assertThat(samples).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2, 3);
        assertThat(samples).extracting(ReasoningSample::getPredictedAnswer)
                .containsExactly("\\frac{1}{2}", "1000", null, "0.5");
        assertThat(samples).extracting(ReasoningSample::getCorrect).containsExactly(true, false, false, true);
        assertThat(samples).extracting(ReasoningSample::getContainsBoxed).containsExactly(true, false, false, false);
        assertThat(samples).extracting(ReasoningSample::getMeanLogprob).containsExactly(-0.4, null, -1.5, -0.1);
        assertThat(samples).extracting(ReasoningSample::getTokenCount).containsExactly(7, 5, 2, 3);
        assertThat(samples).extracting(ReasoningSample::getPolicyVersion).containsExactly(3L, 3L, 4L, 3L);
        ReasoningSample first = samples.get(0);
        assertThat(first.getTaskId()).isEqualTo("t1");
        assertThat(first.getQuestionId()).isEqualTo("q-t1");
        assertThat(first.getDataset()).isEqualTo("synthetic");
        assertThat(first.getRound()).isEqualTo(2);
        assertThat(first.getN()).isEqualTo(4);
        assertThat(first.getQuestion()).isEqualTo("Half of one?");
        assertThat(first.getResponse()).isEqualTo("So it is \\boxed{\\dfrac12}.");
        assertThat(first.getGoldAnswer()).isEqualTo("0.5");
        assertThat(first.getGenerator()).isEqualTo("openai:m");
        assertThat(first.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesASetOfTheWrongSize() {
        QuestionTask task = Tasks.task("t1", "q", "1", 2);
        assertThatThrownBy(() -> ReasoningSamples.of(task, List.of(new Generation("1", 1, null, 0)), "g", NOW))
                .hasMessageContaining("needs 2 generations, got 1");
    }
}
