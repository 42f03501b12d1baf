package io.east.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void anOddCountGivesItsMiddleValueWhateverTheOrder() {
        assertThat(Median.of(9, 1, 5)).isEqualTo(5);
        assertThat(Median.of(List.of(3L, 100L, 2L, 1L, 4L))).isEqualTo(3);
    }

    @Test
    void anEvenCountGivesTheMeanOfItsTwoMiddleValues() {
        assertThat(Median.of(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Median.of(List.of(1.5, 0.5))).isEqualTo(1.0);
    }

    @Test
    void theValuesPassedInAreNotReordered() {
        double[] values = {3, 1, 2};
        Median.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void noValuesHaveNoMedian() {
        assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the median of no values");
    }
}
