package io.east.cli;

import io.east.producers.generate.CommittedRecords;
import io.east.producers.generate.Tasks;
import io.east.schemas.ReasoningSample;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.util.List;
import java.util.stream.IntStream;

/**
 * east.questions and east.samples of a test broker as a test of {@code east generate} feeds and reads them: every
 * task asks "What is 2*3?" for {@link #N} samples, and {@code group} is the workers' consumer group.
 */
record QuestionsAndSamples(EmbeddedKafkaExtension kafka, String group) {

    static final int N = 3;

    /** Task ids {@code prefix-0} to {@code prefix-(count - 1)}. */
    static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    void publish(List<String> taskIds) {
        Tasks.publishAll(kafka, EastTopics.QUESTIONS.name(),
                taskIds.stream().map(id -> Tasks.task(id, "What is 2*3?", "6", N)).toList());
    }

    /** Every committed sample, in partition and offset order. */
    List<ReasoningSample> samples() {
        return CommittedRecords.samples(kafka, EastTopics.SAMPLES.name());
    }

    /** True when the workers' group has committed every question. */
    boolean groupCaughtUp() throws Exception {
        return CommittedRecords.groupCaughtUp(kafka, group, EastTopics.QUESTIONS.name());
    }
}
