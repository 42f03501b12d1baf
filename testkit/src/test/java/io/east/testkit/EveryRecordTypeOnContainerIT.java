package io.east.testkit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link EveryRecordTypeRoundTrip} on Apache Kafka's image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class EveryRecordTypeOnContainerIT extends EveryRecordTypeRoundTrip {

    @RegisterExtension
    static final TestKafkaExtension KAFKA = new TestKafkaExtension(ContainerTestKafka::start);
}
