package io.east.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchWeigherTest {

    @Test
    void datasetScopeDividesByTheMean() {
        List<NormalisedWeight> weights = BatchWeigher.normalise(new double[] {1, 2, 3}, new Scope.Dataset());
        assertThat(weights).extracting(NormalisedWeight::weight).containsExactly(0.5, 1.0, 1.5);
        assertThat(weights).allSatisfy(w -> {
            assertThat(w.normaliser()).isEqualTo(2.0);
            assertThat(w.scopeId()).isEqualTo("dataset");
        });
    }

    @Test
    void windowScopeNormalisesEachTumblingWindowAndTheLastPartialOneOnItsOwn() {
        List<NormalisedWeight> weights = BatchWeigher.normalise(new double[] {1, 3, 2, 6, 5}, new Scope.Window(2));
        assertThat(weights).extracting(NormalisedWeight::weight).containsExactly(0.5, 1.5, 0.5, 1.5, 1.0);
        assertThat(weights).extracting(NormalisedWeight::scopeId)
                .containsExactly("window-0", "window-0", "window-1", "window-1", "window-2");
        assertThat(weights).extracting(NormalisedWeight::normaliser).containsExactly(2.0, 2.0, 4.0, 4.0, 5.0);
    }

    @Test
    void emaScopeDividesByTheRunningAverageIncludingTheCurrentPower() {
        List<NormalisedWeight> weights = BatchWeigher.normalise(new double[] {2, 4, 1}, new Scope.Ema(0.5));
        assertThat(weights.get(0).weight()).isEqualTo(1.0);
        assertThat(weights.get(1).weight()).isCloseTo(4.0 / 3.0, within(1e-15));
        assertThat(weights.get(2).normaliser()).isEqualTo(2.0);
        assertThat(weights.get(2).weight()).isEqualTo(0.5);
    }

    @Test
    void fixedScopeDividesByTheConstant() {
        List<NormalisedWeight> weights = BatchWeigher.normalise(new double[] {1, 2}, new Scope.Fixed(4));
        assertThat(weights).extracting(NormalisedWeight::weight).containsExactly(0.25, 0.5);
        assertThat(weights).extracting(NormalisedWeight::scopeId).containsOnly("fixed");
    }

    @Test
    void allZeroPowersGiveWeightOne() {
        assertThat(BatchWeigher.normalise(new double[] {0, 0}, new Scope.Dataset()))
                .extracting(NormalisedWeight::weight).containsExactly(1.0, 1.0);
    }

    @Test
    void emptyInputGivesNoWeights() {
        assertThat(BatchWeigher.normalise(new double[0], new Scope.Window(3))).isEmpty();
    }
}
