package io.east.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightFunctionTest {

    @Test
    void eachStrategyPicksItsSignal() {
        assertThat(WeightStrategy.ENTROPY.signal(1.5, 0.25, 0.5)).isEqualTo(1.5);
        assertThat(WeightStrategy.ACCURACY.signal(1.5, 0.25, 0.5)).isEqualTo(0.75);
        assertThat(WeightStrategy.REJECTED.signal(1.5, 0.25, 0.5)).isEqualTo(0.5);
        assertThat(WeightStrategy.UNIFORM.signal(1.5, 0.25, 0.5)).isEqualTo(1.0);
    }

    @Test
    void powerIsSignalToTheAlpha() {
        assertThat(new WeightFunction(WeightStrategy.ENTROPY, 2).power(1.5)).isEqualTo(2.25);
        assertThat(new WeightFunction(WeightStrategy.ENTROPY, 0.5).power(4)).isEqualTo(2.0);
        assertThat(new WeightFunction(WeightStrategy.ENTROPY, -1).power(0.5)).isEqualTo(2.0);
        assertThat(new WeightFunction(WeightStrategy.ACCURACY, 1).power(1.5, 0.25, 0.5)).isEqualTo(0.75);
    }

    @Test
    void alphaZeroAndUniformGiveOneEvenForAZeroSignal() {
        assertThat(new WeightFunction(WeightStrategy.ENTROPY, 0).power(0)).isEqualTo(1.0);
        assertThat(new WeightFunction(WeightStrategy.ENTROPY, 0).power(3)).isEqualTo(1.0);
        assertThat(new WeightFunction(WeightStrategy.UNIFORM, 2).power(0.3)).isEqualTo(1.0);
    }

    @Test
    void aZeroSignalWeighsNothingForAnyNonZeroAlpha() {
        assertThat(new WeightFunction(WeightStrategy.REJECTED, 1).power(0)).isEqualTo(0.0);
        assertThat(new WeightFunction(WeightStrategy.REJECTED, -1).power(0)).isEqualTo(0.0);
    }

    @Test
    void rejectsNonFiniteOrNegativeInput() {
        assertThatThrownBy(() -> new WeightFunction(WeightStrategy.ENTROPY, Double.NaN))
                .hasMessageContaining("alpha");
        WeightFunction f = new WeightFunction(WeightStrategy.ENTROPY, 1);
        assertThatThrownBy(() -> f.power(-0.1)).hasMessageContaining("signal");
        assertThatThrownBy(() -> f.power(Double.POSITIVE_INFINITY)).hasMessageContaining("signal");
    }

    @Test
    void strategyNamesParseCaseInsensitively() {
        assertThat(WeightStrategy.parse("Entropy")).isEqualTo(WeightStrategy.ENTROPY);
        assertThat(WeightStrategy.parse("rejected").id()).isEqualTo("rejected");
        assertThatThrownBy(() -> WeightStrategy.parse("perplexity")).hasMessageContaining("'perplexity'");
    }

    @Test
    void emaStartsAtOneAndFollowsTheAverage() {
        EmaNormaliser state = EmaNormaliser.EMPTY.update(2.0, 0.5);
        assertThat(state.weight(2.0)).isEqualTo(1.0);
        state = state.update(4.0, 0.5);
        assertThat(state.mean()).isEqualTo(3.0);
        assertThat(state.weight(4.0)).isCloseTo(4.0 / 3.0, within(1e-15));
        assertThat(state.count()).isEqualTo(2);
    }
}
