package io.east.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowSummaryTest {

    @Test
    void summarisesAWindow() {
        WindowSummary summary = WindowSummary.of(new double[] {0.0, 0.6, 1.2, 9.0},
                new double[] {0.5, 1.0, 1.5, 1.0});
        assertThat(summary.entropy().counts()[0]).isEqualTo(1);
        assertThat(summary.entropy().counts()[1]).isEqualTo(1);
        assertThat(summary.entropy().counts()[2]).isEqualTo(1);
        assertThat(summary.entropy().counts()[WindowSummary.ENTROPY_BINS - 1]).as("overflow bin").isEqualTo(1);
        assertThat(summary.weight().counts()[2]).isEqualTo(1);
        assertThat(summary.weight().counts()[4]).isEqualTo(2);
        assertThat(summary.weight().counts()[6]).isEqualTo(1);
        assertThat(summary.mean()).isEqualTo(1.0);
        assertThat(summary.min()).isEqualTo(0.5);
        assertThat(summary.max()).isEqualTo(1.5);
        assertThat(summary.quantiles()).containsKeys("p10", "p25", "p50", "p75", "p90");
        assertThat(summary.quantiles().get("p50")).isCloseTo(1.0, within(1e-12));
        assertThat(summary.quantiles().get("p10")).isCloseTo(0.65, within(1e-12));
    }

    @Test
    void anEmptyWindowHasEmptyCounts() {
        WindowSummary summary = WindowSummary.of(new double[0], new double[0]);
        assertThat(summary.weight().counts()).containsOnly(0);
        assertThat(summary.quantiles()).isEmpty();
    }
}
