package io.east.testkit;

import io.east.broker.BrokerSettings;

/**
 * How a {@link TestKafkaExtension} gets its Kafka: {@link #embedded}, or {@link ContainerTestKafka#start()} where Docker
 * is available. Starting blocks until the Kafka answers clients.
 */
@FunctionalInterface
public interface TestKafkaBackend {

    TestKafka start();

    /** A broker in this JVM: needs nothing but the class path. */
    static TestKafkaBackend embedded(BrokerSettings settings) {
        return () -> EmbeddedTestKafka.start(settings);
    }
}
