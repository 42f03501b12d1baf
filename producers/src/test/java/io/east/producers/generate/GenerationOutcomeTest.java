package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one rule by which the worker, the evaluator and the sample file writer hold an outcome to n. */
class GenerationOutcomeTest {

    private static List<Generation> generations(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Generation("#### " + i, 3, -0.5, 1)).toList();
    }

    @Test
    void moreThanNAreCutToTheFirstN() {
        GenerationOutcome exact = GenerationOutcome.of(generations(5)).exactly(3);

        assertThat(exact).isEqualTo(new GenerationOutcome.Generated(generations(3)));
    }

    @Test
    void exactlyNStayAsTheyAre() {
        GenerationOutcome outcome = GenerationOutcome.of(generations(3));

        assertThat(outcome.exactly(3)).isSameAs(outcome);
    }

    @Test
    void fewerThanNFailSayingHowManyCame() {
        assertThat(GenerationOutcome.of(generations(2)).exactly(4))
                .isEqualTo(new GenerationOutcome.Failed("backend returned 2 of 4 generations"));
        assertThat(GenerationOutcome.of(List.of()).exactly(1))
                .isEqualTo(new GenerationOutcome.Failed("backend returned 0 of 1 generations"));
    }

    @Test
    void aFailureStaysTheSameFailure() {
        GenerationOutcome failed = GenerationOutcome.failed(new GenerationException("the engine broke"));

        assertThat(failed.exactly(4)).isSameAs(failed);
    }
}
