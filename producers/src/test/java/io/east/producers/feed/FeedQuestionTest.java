package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.QuestionTask;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one way a question becomes a task, which the feeder and the sample file writer share. */
class FeedQuestionTest {

    @Test
    void aTaskCarriesTheQuestionTheRoundAndTheTaskIdMadeOfThem() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        QuestionTask task = new FeedQuestion("q7", "What is 2+2?", "4", "Level 1").task("math", 3, 8, at);

        assertThat(task.getTaskId()).isEqualTo("math/q7@r3");
        assertThat(task.getQuestionId()).isEqualTo("q7");
        assertThat(task.getDataset()).isEqualTo("math");
        assertThat(task.getRound()).isEqualTo(3);
        assertThat(task.getQuestion()).isEqualTo("What is 2+2?");
        assertThat(task.getGoldAnswer()).isEqualTo("4");
        assertThat(task.getN()).isEqualTo(8);
        assertThat(task.getLevel()).isEqualTo("Level 1");
        assertThat(task.getCreatedAt()).isEqualTo(at);
    }

    @Test
    void aQuestionWithoutALevelMakesATaskWithoutOne() {
        QuestionTask task = new FeedQuestion("g-1", "q", "1", null).task("gsm8k", 0, 4, Instant.EPOCH);

        assertThat(task.getTaskId()).isEqualTo("gsm8k/g-1@r0");
        assertThat(task.getLevel()).isNull();
    }
}
