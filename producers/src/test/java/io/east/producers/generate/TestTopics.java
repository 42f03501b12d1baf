package io.east.producers.generate;

import io.east.testkit.EmbeddedKafkaExtension;

/** A test's own generate topics on the test broker, so that tests sharing a broker never read each other's records. */
public final class TestTopics {

    private TestTopics() {
    }

    /** {@code PREFIX.questions} and {@code PREFIX.samples} of {@code partitions} each, {@code PREFIX.dlq} of one. */
    public static GenerateTopics create(EmbeddedKafkaExtension kafka, String prefix, int partitions) {
        return new GenerateTopics(kafka.createTopic(prefix + ".questions", partitions),
                kafka.createTopic(prefix + ".samples", partitions), kafka.createTopic(prefix + ".dlq", 1));
    }
}
