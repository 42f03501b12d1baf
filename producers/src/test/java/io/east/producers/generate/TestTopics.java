package io.east.producers.generate;

import io.east.testkit.EmbeddedKafkaExtension;

/**
 * A test's own generate topics on the test broker, so that tests sharing a broker never read each other's records,
 * and the settings of a worker on them.
 */
public final class TestTopics {

    private TestTopics() {
    }

    /** {@code PREFIX.questions} and {@code PREFIX.samples} of {@code partitions} each, {@code PREFIX.dlq} of one. */
    public static GenerateTopics create(EmbeddedKafkaExtension kafka, String prefix, int partitions) {
        return new GenerateTopics(kafka.createTopic(prefix + ".questions", partitions),
                kafka.createTopic(prefix + ".samples", partitions), kafka.createTopic(prefix + ".dlq", 1));
    }

    /** A worker {@code it-NAME} in group {@code group-NAME} on {@code topics}, taking tasks two at a time. */
    public static WorkerSettings worker(String name, GenerateTopics topics) {
        return WorkerSettings.defaults("it-" + name).withGroup("group-" + name).withTopics(topics).withBatchSize(2);
    }
}
