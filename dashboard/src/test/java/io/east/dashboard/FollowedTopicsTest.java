package io.east.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.topics.TopicSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowedTopicsTest {

    @Test
    void followsTheWeightStatsOfMainAndEachExperimentAndTheSharedTopics() {
        FollowedTopics topics = new FollowedTopics(List.of("alpha2", "uniform"));

        assertThat(topics.topics()).extracting(TopicSpec::name).containsExactly("east.weight-stats",
                "east.weight-stats.alpha2", "east.weight-stats.uniform", "east.groups", "east.train-metrics",
                "east.eval", "east.model-versions");
        assertThat(topics.weightStatsExperiment("east.weight-stats")).hasValue("main");
        assertThat(topics.weightStatsExperiment("east.weight-stats.uniform")).hasValue("uniform");
        assertThat(topics.weightStatsExperiment("east.weight-stats.other")).isEmpty();
        assertThat(topics.weightStatsExperiment("east.groups")).isEmpty();
        assertThat(topics.experimentsShown()).containsExactly("main", "alpha2", "uniform");
    }

    @Test
    void aRecordWithoutExperimentBelongsToMain() {
        assertThat(FollowedTopics.experimentOf(null)).isEqualTo("main");
        assertThat(FollowedTopics.experimentOf("")).isEqualTo("main");
        assertThat(FollowedTopics.experimentOf("alpha2")).isEqualTo("alpha2");
    }

    @Test
    void settingsDefaultToLoopbackAndRefuseBadExperiments() {
        DashboardSettings defaults = DashboardSettings.defaults(Map.of());

        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThatThrownBy(() -> defaults.withExperiments(List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withExperiments(List.of("x", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withExperiments(List.of("main")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
