package io.east.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    /** Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score interval without correction). */
    @Test
    void matchesPublishedIntervals() {
        assertInterval(WilsonInterval.of(81, 263), 0.2553, 0.3662);
        assertInterval(WilsonInterval.of(15, 148), 0.0624, 0.1605);
        assertInterval(WilsonInterval.of(0, 20), 0.0, 0.1611);
        assertInterval(WilsonInterval.of(1, 29), 0.0061, 0.1718);
    }

    private static void assertInterval(WilsonInterval interval, double low, double high) {
        assertThat(interval.low()).isCloseTo(low, within(5e-5));
        assertThat(interval.high()).isCloseTo(high, within(5e-5));
    }

    @Test
    void allOrNothingReachesTheBoundExactlyAndTheIntervalIsNeverEmpty() {
        assertThat(WilsonInterval.of(0, 5).low()).isZero();
        assertThat(WilsonInterval.of(0, 5).high()).isGreaterThan(0.4);
        assertThat(WilsonInterval.of(5, 5).high()).isEqualTo(1.0);
        assertThat(WilsonInterval.of(5, 5).low()).isLessThan(0.6);
        assertInterval(WilsonInterval.of(1, 2), 0.0945, 0.9055);
    }

    @Test
    void trialsMustBePositiveAndSuccessesAmongThem() {
        assertThatThrownBy(() -> WilsonInterval.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
