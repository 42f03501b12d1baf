package io.east.streams;

import io.east.broker.ContainerTestKafka;
import io.east.broker.TestKafka;
import io.east.broker.TestKafkaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link StateQueryServerStory} on Apache Kafka's image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class StateQueryServerOnContainerIT extends StateQueryServerStory {

    @RegisterExtension
    static final TestKafkaExtension KAFKA = new TestKafkaExtension(ContainerTestKafka::start);

    @Override
    protected TestKafka kafka() {
        return KAFKA;
    }
}
