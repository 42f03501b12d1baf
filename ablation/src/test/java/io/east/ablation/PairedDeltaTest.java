package io.east.ablation;

import static io.east.ablation.TestSettings.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.eval.WilsonInterval;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairedDeltaTest {

    private static final List<String> QUESTIONS = List.of("q1", "q2", "q3", "q4");

    @Test
    void averagesSeedsPerQuestionThenTakesTheMeanDifferenceWithANormalInterval() {
        // config: q1, q2 right in both seeds, q3 in one, q4 never -> 1, 1, 0.5, 0; reference: q1 only.
        PairedDelta delta = PairedDelta.of(
                List.of(report(QUESTIONS, Set.of("q1", "q2", "q3")), report(QUESTIONS, Set.of("q1", "q2"))),
                List.of(report(QUESTIONS, Set.of("q1"))));

        // d = (0, 1, 0.5, 0): mean 0.375, sample sd sqrt(0.6875 / 3).
        double half = WilsonInterval.Z_95 * Math.sqrt(0.6875 / 3) / 2;
        assertThat(delta.questions()).isEqualTo(4);
        assertThat(delta.delta()).isCloseTo(0.375, within(1e-12));
        assertThat(delta.low()).isCloseTo(0.375 - half, within(1e-12));
        assertThat(delta.high()).isCloseTo(0.375 + half, within(1e-12));
        assertThat(delta.excludesZero()).isFalse();
    }

    @Test
    void isAntisymmetric() {
        List<io.east.eval.EvalReport> a = List.of(report(QUESTIONS, Set.of("q1", "q2")));
        List<io.east.eval.EvalReport> b = List.of(report(QUESTIONS, Set.of("q2", "q3", "q4")));

        PairedDelta ab = PairedDelta.of(a, b);
        PairedDelta ba = PairedDelta.of(b, a);

        assertThat(ab.delta()).isCloseTo(-0.25, within(1e-12));
        assertThat(ba.delta()).isCloseTo(0.25, within(1e-12));
        assertThat(ab.low()).isCloseTo(-ba.high(), within(1e-12));
    }

    @Test
    void aConsistentGainHasNoSpreadAndExcludesZero() {
        PairedDelta delta = PairedDelta.of(List.of(report(QUESTIONS, Set.copyOf(QUESTIONS))),
                List.of(report(QUESTIONS, Set.of())));

        assertThat(delta).isEqualTo(new PairedDelta(1, 1, 1, 4));
        assertThat(delta.excludesZero()).isTrue();
        assertThat(PairedDelta.of(List.of(report(QUESTIONS, Set.of())), List.of(report(QUESTIONS, Set.of("q1",
                "q2", "q3", "q4")))).excludesZero()).isTrue();
        assertThat(PairedDelta.of(List.of(report(QUESTIONS, Set.of("q1"))), List.of(report(QUESTIONS,
                Set.of("q1")))).excludesZero()).as("no difference at all").isFalse();
    }

    @Test
    void pairsOnlyTheQuestionsBothWereAsked() {
        PairedDelta delta = PairedDelta.of(List.of(report(List.of("q1", "q2", "x"), Set.of("q1", "x"))),
                List.of(report(List.of("q2", "q1", "y"), Set.of("q2"))));

        // q1: 1 - 0, q2: 0 - 1; x and y have no partner.
        assertThat(delta.questions()).isEqualTo(2);
        assertThat(delta.delta()).isCloseTo(0, within(1e-12));

        PairedDelta none = PairedDelta.of(List.of(report(List.of("a"), Set.of("a"))),
                List.of(report(List.of("b"), Set.of())));
        assertThat(none.questions()).isZero();
        assertThat(none.delta()).isNaN();
        assertThat(none.excludesZero()).isFalse();
    }
}
