package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.group.GroupAnalysis;
import io.east.model.train.LossKind;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import io.east.testkit.TrainingExamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExampleSetTest {

    private static final List<KeptTask> KEPT = List.of(kept("t1"), kept("t2"), kept("t3"), kept("t4"), kept("t5"));

    @Test
    void takesTheKeptTasksEveryConfigEmittedInLogOrder() {
        Map<String, WeightedExample> all = examples(1.0, "t5", "t4", "t3", "t2", "t1");
        Map<String, WeightedExample> window = examples(2.0, "t1", "t3", "t4", "t5");
        Map<String, WeightedExample> other = examples(3.0, "t5", "t3", "t1", "t2");

        ExampleSet set = ExampleSet.of(KEPT, List.of(all, window, other), LossKind.SFT, null);

        assertThat(set.taskIds()).containsExactly("t1", "t3", "t5");
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.leftOut()).isEqualTo(2);
        assertThat(set.examples(window)).extracting(WeightedExample::getTaskId).containsExactly("t1", "t3", "t5");
        assertThat(set.examples(window)).extracting(WeightedExample::getWeight).containsOnly(2.0);
        assertThat(set.examples(other)).extracting(WeightedExample::getWeight).containsOnly(3.0);
    }

    @Test
    void theLimitTakesTheFirstUsableTasks() {
        Map<String, WeightedExample> some = examples(1.0, "t2", "t3", "t4", "t5");

        ExampleSet set = ExampleSet.of(KEPT, List.of(some), LossKind.SFT, 2);

        assertThat(set.taskIds()).containsExactly("t2", "t3");
        assertThat(set.leftOut()).isEqualTo(3);
        assertThat(ExampleSet.of(KEPT, List.of(some), LossKind.SFT, 100).taskIds()).hasSize(4);
    }

    @Test
    void dpoLeavesOutATaskWithoutARejectedResponseUnderAnyConfig() {
        Map<String, WeightedExample> first = examples(1.0, "t1", "t2", "t3", "t4", "t5");
        Map<String, WeightedExample> second = examples(1.0, "t1", "t2", "t3", "t4", "t5");
        first.put("t2", withoutRejected(first.get("t2")));
        second.put("t4", withoutRejected(second.get("t4")));

        assertThat(ExampleSet.of(KEPT, List.of(first, second), LossKind.DPO, null).taskIds())
                .containsExactly("t1", "t3", "t5");
        assertThat(ExampleSet.of(KEPT, List.of(first, second), LossKind.DPO, null).leftOut()).isEqualTo(2);
        assertThat(ExampleSet.of(KEPT, List.of(first, second), LossKind.SFT, null).taskIds())
                .as("SFT trains on the chosen response only").hasSize(5);
    }

    @Test
    void anEmptySetWhenNoTaskIsEverywhere() {
        ExampleSet set = ExampleSet.of(KEPT, List.of(examples(1.0, "t1"), examples(1.0, "t2")), LossKind.SFT, null);

        assertThat(set.size()).isZero();
        assertThat(set.leftOut()).isEqualTo(5);
    }

    @Test
    void aConfigWithoutATaskOfTheSetIsAnError() {
        ExampleSet set = new ExampleSet(List.of("t1", "t2"), 0);

        assertThatThrownBy(() -> set.examples(examples(1.0, "t1"))).isInstanceOf(NullPointerException.class)
                .hasMessage("t2");
    }

    private static KeptTask kept(String taskId) {
        ReasoningSample sample = TestLogs.sample(taskId, 0, 2, "5+");
        GroupAnalysis analysis = new GroupAnalysis(List.of(), 2, 1.0, 0.5, 0.5, Optional.empty(), Optional.of(0),
                Optional.of(1));
        return new KeptTask(new LoggedTask(taskId, -1, Map.of(0, sample)), analysis);
    }

    private static Map<String, WeightedExample> examples(double weight, String... taskIds) {
        return List.of(taskIds).stream().map(id -> example(id, weight))
                .collect(Collectors.toMap(WeightedExample::getTaskId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static WeightedExample example(String taskId, double weight) {
        return TrainingExamples.builder(taskId).setWeight(weight).build();
    }

    private static WeightedExample withoutRejected(WeightedExample example) {
        return WeightedExample.newBuilder(example).setRejected(null).build();
    }
}
