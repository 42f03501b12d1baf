package io.east.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosPlanTest {

    private static final List<Stage> STAGES = List.of(Stage.GENERATE, Stage.STREAMS, Stage.TRAIN);

    @Test
    void everyStageIsKilledAtLeastTwiceInOrderWithinThePeriodAndTheBrokerRestartsHalfway() {
        ChaosPlan plan = ChaosPlan.draw(7, Duration.ofMinutes(2), Duration.ofSeconds(30), STAGES, 2);

        assertThat(STAGES).allSatisfy(stage -> assertThat(plan.killsOf(stage)).isGreaterThanOrEqualTo(2));
        assertThat(plan.kills()).isSortedAccordingTo(Comparator.comparing(ChaosPlan.Kill::at));
        assertThat(plan.kills()).allSatisfy(kill -> {
            assertThat(kill.at()).isPositive().isLessThan(Duration.ofMinutes(2).multipliedBy(9).dividedBy(10));
            assertThat(kill.downFor()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        });
        assertThat(plan.brokerRestartAt()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void moreKillsWhenTheyComeMoreOftenAndTheSameSeedGivesTheSamePlan() {
        ChaosPlan often = ChaosPlan.draw(7, Duration.ofMinutes(10), Duration.ofSeconds(20), STAGES, 2);

        assertThat(often.kills()).hasSize(30);
        assertThat(ChaosPlan.draw(7, Duration.ofMinutes(10), Duration.ofSeconds(20), STAGES, 2)).isEqualTo(often);
        assertThat(ChaosPlan.draw(8, Duration.ofMinutes(10), Duration.ofSeconds(20), STAGES, 2)).isNotEqualTo(often);
    }

    @Test
    void noStageKillsLeavesOnlyTheBrokerDisruptionHalfway() {
        ChaosPlan plan = ChaosPlan.draw(7, Duration.ofMinutes(2), Duration.ofSeconds(10), STAGES, 0);
        assertThat(plan.kills()).isEmpty();
        assertThat(plan.brokerRestartAt()).isEqualTo(Duration.ofMinutes(1));
    }
}
