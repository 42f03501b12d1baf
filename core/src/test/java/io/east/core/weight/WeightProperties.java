package io.east.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The invariants METHOD.md promises for any data: the method's f is a mean-one power of the signal. */
class WeightProperties {

    @Provide
    Arbitrary<double[]> entropies() {
        return Arbitraries.doubles().ofScale(4).between(0.01, 6.0).array(double[].class).ofMinSize(1).ofMaxSize(300);
    }

    @Property
    void datasetWeightsAreNonNegativeAndAverageOne(@ForAll("entropies") double[] entropies,
            @ForAll @DoubleRange(min = -3, max = 3) double alpha) {
        double[] weights = weigh(entropies, alpha, new Scope.Dataset());
        for (double w : weights) {
            assertThat(w).isGreaterThanOrEqualTo(0.0).isFinite();
        }
        assertThat(mean(weights, 0, weights.length)).isCloseTo(1.0, within(1e-12));
    }

    @Property
    void everyWindowAveragesOne(@ForAll("entropies") double[] entropies,
            @ForAll @DoubleRange(min = -3, max = 3) double alpha, @ForAll @IntRange(min = 1, max = 70) int size) {
        double[] weights = weigh(entropies, alpha, new Scope.Window(size));
        for (int start = 0; start < weights.length; start += size) {
            assertThat(mean(weights, start, Math.min(weights.length, start + size))).isCloseTo(1.0, within(1e-12));
        }
    }

    /** Fixed:C is left out: it divides by a typed-in constant, so its vanilla weight is 1/C by design. */
    @Property
    void alphaZeroGivesOneEverywhere(@ForAll("entropies") double[] entropies,
            @ForAll("meanOneScope") Scope scope) {
        assertThat(weigh(entropies, 0.0, scope)).containsOnly(1.0);
    }

    @Property
    void weightGrowsWithEntropyForPositiveAlpha(@ForAll("entropies") double[] entropies,
            @ForAll @DoubleRange(min = 0.05, max = 3) double alpha, @ForAll("anyScope") Scope scope) {
        // Within one normalisation unit the order of weights must follow the order of entropies.
        double[] weights = weigh(entropies, alpha, scope instanceof Scope.Ema ? new Scope.Dataset() : scope);
        int unit = scope instanceof Scope.Window window ? window.size() : entropies.length;
        for (int i = 0; i < entropies.length; i++) {
            for (int j = i + 1; j < entropies.length && j / unit == i / unit; j++) {
                if (entropies[i] < entropies[j]) {
                    assertThat(weights[i]).isLessThan(weights[j]);
                }
            }
        }
    }

    @Property
    void negativeAlphaFavoursConfidentQuestions(@ForAll @Size(min = 2, max = 50) List<@DoubleRange(min = 0.01,
            max = 6) Double> entropies, @ForAll @DoubleRange(min = -3, max = -0.05) double alpha) {
        double[] h = entropies.stream().mapToDouble(Double::doubleValue).toArray();
        double[] weights = weigh(h, alpha, new Scope.Dataset());
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                if (h[i] < h[j]) {
                    assertThat(weights[i]).isGreaterThan(weights[j]);
                }
            }
        }
    }

    @Provide
    Arbitrary<Scope> meanOneScope() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Scope.Dataset()),
                Arbitraries.integers().between(1, 40).map(Scope.Window::new),
                Arbitraries.doubles().ofScale(3).between(0.0, 0.999).map(Scope.Ema::new));
    }

    @Provide
    Arbitrary<Scope> anyScope() {
        return Arbitraries.oneOf(meanOneScope(),
                Arbitraries.doubles().ofScale(3).between(0.1, 5.0).map(Scope.Fixed::new));
    }

    private static double[] weigh(double[] entropies, double alpha, Scope scope) {
        WeightFunction f = new WeightFunction(WeightStrategy.ENTROPY, alpha);
        double[] powers = new double[entropies.length];
        for (int i = 0; i < entropies.length; i++) {
            powers[i] = f.power(entropies[i]);
        }
        return BatchWeigher.normalise(powers, scope).stream().mapToDouble(NormalisedWeight::weight).toArray();
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
