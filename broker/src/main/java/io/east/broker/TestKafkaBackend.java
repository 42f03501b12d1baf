package io.east.broker;

/**
 * How a {@link TestKafkaExtension} gets its Kafka: {@link #embedded} here, a container backend in this module's test
 * jar. Starting blocks until the Kafka answers clients.
 */
@FunctionalInterface
public interface TestKafkaBackend {

    TestKafka start();

    /** A broker in this JVM: needs nothing but the class path. */
    static TestKafkaBackend embedded(BrokerSettings settings) {
        return () -> EmbeddedTestKafka.start(settings);
    }
}
