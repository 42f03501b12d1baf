package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.model.train.TrainingExample;
import org.junit.jupiter.api.Test;

class ExampleBatcherTest {

    private static ExampleBatcher.Entry entry(int i) {
        return new ExampleBatcher.Entry(new SourcePosition("t-0", i), "task-" + i, TrainingExample.sft("p", "c", 1));
    }

    @Test
    void aBatchIsReadyWhenFull() {
        ExampleBatcher batcher = new ExampleBatcher(3);
        assertThat(batcher.ready(Long.MAX_VALUE)).isFalse();
        batcher.add(entry(0));
        batcher.add(entry(1));
        assertThat(batcher.ready(Long.MAX_VALUE)).isFalse();
        batcher.add(entry(2));
        assertThat(batcher.ready(Long.MAX_VALUE)).isTrue();
        assertThat(batcher.drain()).extracting(ExampleBatcher.Entry::taskId).containsExactly("task-0", "task-1", "task-2");
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void theLastBatchBeforeTheLimitIsSmaller() {
        ExampleBatcher batcher = new ExampleBatcher(4);
        batcher.add(entry(0));
        assertThat(batcher.ready(2)).isFalse();
        batcher.add(entry(1));
        assertThat(batcher.ready(2)).as("only 2 examples remain before --max-examples").isTrue();
    }

    @Test
    void anEmptyBatchIsNeverReady() {
        assertThat(new ExampleBatcher(1).ready(0)).isFalse();
    }
}
