package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The one task rule and the words of its reasons, which readers and importers report as they are. */
class TaskSamplesTest {

    @Test
    void aSampleOfAnotherNOrQuestionContradictsTheTaskInTheWordsOfItsSource() {
        TaskSamples<Long> first = new TaskSamples<>("t@r0", 4, "q1", TaskSamples.Since.FIRST_SAMPLE);
        TaskSamples<Long> earlier = new TaskSamples<>("t@r0", 4, "q1", TaskSamples.Since.EARLIER_LINE);

        assertThat(first.contradiction(4, "q1")).isEmpty();
        assertThat(first.contradiction(3, "q1")).hasValue("task t@r0 has n=3 but its first sample said n=4");
        assertThat(earlier.contradiction(3, "q2")).hasValue("task t@r0 has n=3 but an earlier line said n=4");
        assertThat(first.contradiction(4, "q2")).hasValue("task t@r0 has question_id q2 but its first sample said q1");
        assertThat(earlier.contradiction(4, "q2"))
                .hasValue("task t@r0 has question_id q2 but an earlier line said q1");
    }

    @Test
    void aRepeatedIndexKeepsWhatItHadAndNamesWhereItWasFirstSeen() {
        TaskSamples<Long> task = new TaskSamples<>("t@r0", 4, "q1", TaskSamples.Since.FIRST_SAMPLE);

        assertThat(task.keep(2, 7L)).isEmpty();
        assertThat(task.keep(0, 8L)).isEmpty();
        assertThat(task.keep(2, 9L)).hasValue(7L);

        assertThat(task.kept(2)).hasValue(7L);
        assertThat(task.kept(1)).isEmpty();
        assertThat(task.byIndex()).containsExactly(entry(2, 7L), entry(0, 8L));
        assertThat(task.repeated(2)).isEqualTo("task t@r0 repeats sample_index 2");
        assertThat(task.repeated(2, 7)).isEqualTo("task t@r0 repeats sample_index 2 of line 7");
        assertThat(TaskSamples.repeated("u@r1", 5)).isEqualTo("task u@r1 repeats sample_index 5");
    }
}
