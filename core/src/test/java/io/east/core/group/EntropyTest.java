package io.east.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EntropyTest {

    @Test
    void knownDistributions() {
        assertThat(Entropy.bits(List.of(4))).isZero();
        assertThat(Entropy.bits(List.of(2, 2))).isEqualTo(1.0);
        assertThat(Entropy.bits(List.of(1, 1, 1, 1))).isCloseTo(2.0, within(1e-15));
        assertThat(Entropy.bits(List.of(2, 1, 1))).isCloseTo(1.5, within(1e-15));
        assertThat(Entropy.bits(List.of(3, 1))).isCloseTo(0.8112781244591328, within(1e-15));
        assertThat(Entropy.bits(List.of())).isZero();
    }

    @Property
    void entropyLiesBetweenZeroAndLog2N(@ForAll @Size(min = 1, max = 64) List<@IntRange(min = 1, max = 64) Integer> sizes) {
        int n = sizes.stream().mapToInt(Integer::intValue).sum();
        double h = Entropy.bits(sizes);
        assertThat(h).isBetween(0.0, Math.log(n) / Math.log(2) + 1e-12);
    }

    @Property
    void nDistinctAnswersGiveExactlyLog2N(@ForAll @IntRange(min = 1, max = 256) int n) {
        assertThat(Entropy.bits(java.util.Collections.nCopies(n, 1))).isCloseTo(Math.log(n) / Math.log(2),
                within(1e-12));
    }
}
