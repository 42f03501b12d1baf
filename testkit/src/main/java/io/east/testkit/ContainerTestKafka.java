package io.east.testkit;

import io.east.broker.SingleNodeProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@link TestKafka} backend that runs Apache Kafka's own image in a container, with the same single-replica
 * settings as the embedded broker, so the twin of an embedded test checks the same behaviour against a Kafka built
 * and launched the way operators run it. Its tests carry {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
public final class ContainerTestKafka extends AbstractTestKafka {

    /** The release the embedded broker runs (kafka.version in the parent pom). */
    public static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.4.0");

    private final KafkaContainer container;

    private ContainerTestKafka(KafkaContainer container) {
        this.container = container;
    }

    /** Starts a container and returns once it answers clients; a {@link TestKafkaBackend}. */
    public static ContainerTestKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE).withEnv(environment());
        container.start();
        return new ContainerTestKafka(container);
    }

    /** The apache/kafka image's mapping of a broker property to its environment variable. */
    static String envName(String property) {
        return "KAFKA_" + property.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    protected void stop() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerTestKafka[" + IMAGE + "]";
    }

    /** The embedded broker's single-replica settings as the image's environment variables. */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        SingleNodeProperties.singleReplicaDefaults().forEach((key, value) -> env.put(envName(key), value));
        return env;
    }
}
