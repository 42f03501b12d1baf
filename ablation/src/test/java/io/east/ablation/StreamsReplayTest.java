package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.group.Clustering;
import io.east.core.group.GroupAnalysis;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.schemas.topics.EastTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of the topic path that need no broker. */
class StreamsReplayTest {

    @Test
    void underAWindowOnlyFullWindowsOfEachPartitionComeOut() {
        // Partition 0 holds 5 kept tasks, partition 3 holds 2, partition 4 holds 1.
        List<KeptTask> kept = List.of(kept("a", 0), kept("b", 3), kept("c", 0), kept("d", 0), kept("e", 4),
                kept("f", 0), kept("g", 3), kept("h", 0));

        assertThat(StreamsReplay.expectedExamples(kept, new Scope.Window(2))).isEqualTo(4 + 2 + 0);
        assertThat(StreamsReplay.expectedExamples(kept, new Scope.Window(5))).isEqualTo(5);
        assertThat(StreamsReplay.expectedExamples(kept, new Scope.Window(1))).isEqualTo(8);
        assertThat(StreamsReplay.expectedExamples(kept, new Scope.Fixed(1.5))).isEqualTo(8);
        assertThat(StreamsReplay.expectedExamples(kept, new Scope.Ema(0.9))).isEqualTo(8);
    }

    @Test
    void everyConfigReplaysAsAnExperimentOfItsOwn() {
        List<AblationConfig> configs = AblationConfigs.parse(AblationConfigs.PAPER
                + "; entropy:a=0.5:scope=window:64");

        assertThat(configs).extracting(c -> StreamsReplay.experiment(c, "r1")).containsExactly("ablate-uniform-r1",
                "ablate-entropy-a1-r1", "ablate-entropy-a2-r1", "ablate-entropy-a-1-r1", "ablate-accuracy-a1-r1",
                "ablate-rejected-a1-r1", "ablate-entropy-a0p5-window-64-r1");
    }

    @Test
    void settingsRefuseATopicRunWhoseExperimentNamesWouldBeInvalid() {
        SampleSource.Topic topic = new SampleSource.Topic(EastTopics.SAMPLES.name(), Map.of(), Duration.ofMinutes(1));
        List<AblationConfig> longName = AblationConfigs.parse("accuracy:a=0.123456789:scope=ema:0.987654321");

        assertThatThrownBy(() -> new AblationSettings(topic, Path.of("init"), longName, 1, TestSettings.TRAINING,
                TestSettings.EVAL, Clustering.EXACT, SelectionRules.STANDARD, 0, Path.of("out"),
                "a-run-id-of-24-chars-xx", false, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment name must match");
        // The same configs are fine from a file, which needs no experiment.
        assertThat(new AblationSettings(new SampleSource.File(Path.of("s.jsonl")), Path.of("init"), longName, 1,
                TestSettings.TRAINING, TestSettings.EVAL, Clustering.EXACT, SelectionRules.STANDARD, 0,
                Path.of("out"), "a-run-id-of-24-chars-xx", false, "").configs()).hasSize(1);
        assertThatThrownBy(() -> new SampleSource.Topic("east.other", Map.of(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be east.samples");
    }

    private static KeptTask kept(String taskId, int partition) {
        GroupAnalysis analysis = new GroupAnalysis(List.of(), 2, 1.0, 0.5, 0.5, Optional.empty(), Optional.of(0),
                Optional.of(1));
        return new KeptTask(new LoggedTask(taskId, partition, Map.of(0, TestLogs.sample(taskId, 0, 2, "5+"))),
                analysis);
    }
}
