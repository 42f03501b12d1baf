package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StalenessFilterTest {

    @Test
    void holdsBackOnlyWhatLagsByMoreThanTheLimit() {
        StalenessFilter filter = new StalenessFilter(2);
        assertThat(filter.holdsBack(5, 5)).isFalse();
        assertThat(filter.holdsBack(3, 5)).as("lag 2 is allowed").isFalse();
        assertThat(filter.holdsBack(2, 5)).as("lag 3 is not").isTrue();
        assertThat(filter.holdsBack(9, 5)).as("a newer policy than ours is never stale").isFalse();
    }

    @Test
    void zeroAcceptsOnlyTheNewestVersion() {
        StalenessFilter filter = new StalenessFilter(0);
        assertThat(filter.holdsBack(4, 4)).isFalse();
        assertThat(filter.holdsBack(3, 4)).isTrue();
    }

    @Test
    void unboundedHoldsNothingBackEvenAtTheExtremes() {
        StalenessFilter filter = StalenessFilter.unbounded();
        assertThat(filter.holdsBack(Long.MIN_VALUE, Long.MAX_VALUE)).isFalse();
        assertThat(new StalenessFilter(1).holdsBack(Long.MIN_VALUE, 3)).as("saturates, no overflow").isTrue();
        assertThat(StalenessFilter.lag(Long.MIN_VALUE, 3)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> new StalenessFilter(-1)).hasMessageContaining("--max-staleness");
    }
}
