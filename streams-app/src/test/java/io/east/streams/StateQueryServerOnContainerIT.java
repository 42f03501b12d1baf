package io.east.streams;

import io.east.testkit.ContainerTestKafka;
import io.east.testkit.TestKafkaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link StateQueryServerStory} on Apache Kafka's image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class StateQueryServerOnContainerIT extends StateQueryServerStory {

    @RegisterExtension
    static final TestKafkaExtension KAFKA = new TestKafkaExtension(ContainerTestKafka::start);
}
