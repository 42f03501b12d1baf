package io.east.producers.generate;

import static org.awaitility.Awaitility.await;

import io.east.schemas.ReasoningSample;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tasks published to a running worker while model versions of one key are announced on east.model-versions, and
 * the policy version each task's committed samples carry. Every task asks for {@link #N} samples.
 */
final class VersionedTasks {

    static final int N = 3;
    /** Versions are announced between tasks; the worker sees one within a few batches (it polls without waiting). */
    private static final int MAX_PROBES = 20;

    private final EmbeddedKafkaExtension kafka;
    private final GenerateTopics topics;
    private final String key;
    private final String question;
    private final String gold;
    private final Duration patience;
    private final List<String> published = new ArrayList<>();

    VersionedTasks(EmbeddedKafkaExtension kafka, GenerateTopics topics, String key, String question, String gold,
            Duration patience) {
        this.kafka = kafka;
        this.topics = topics;
        this.key = key;
        this.question = question;
        this.gold = gold;
        this.patience = patience;
    }

    void publish(String taskId) {
        Tasks.publish(kafka, topics.questions(), Tasks.task(taskId, question, gold, N));
        published.add(taskId);
    }

    void announce(long version, Path checkpoint) throws Exception {
        Tasks.announce(kafka, key, version, checkpoint);
    }

    /** Publishes one task at a time, each after the previous one's samples arrived, until {@code done} holds. */
    String probeUntil(String prefix, Predicate<String> done) {
        for (int i = 0; i < MAX_PROBES; i++) {
            String probe = prefix + "-" + i;
            publish(probe);
            await().atMost(patience).until(() -> samplesByTask().containsKey(probe));
            if (done.test(probe)) {
                return probe;
            }
        }
        throw new AssertionError(prefix + ": not reached after " + MAX_PROBES + " tasks");
    }

    /** Committed samples by task, each task's in sample-index order; only complete sets are visible. */
    Map<String, List<ReasoningSample>> samplesByTask() {
        return CommittedRecords.samplesByTask(kafka, topics.samples());
    }

    long versionOf(String taskId) {
        return samplesByTask().get(taskId).get(0).getPolicyVersion();
    }

    /** The version of every task published so far, in the order they were published. */
    List<Long> versionsInPublishOrder() {
        Map<String, List<ReasoningSample>> byTask = samplesByTask();
        return published.stream().map(task -> byTask.get(task).get(0).getPolicyVersion()).toList();
    }
}
