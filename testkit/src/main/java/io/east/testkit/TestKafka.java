package io.east.testkit;

import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A running Kafka that integration tests talk to, whatever runs it: the broker embedded in this JVM
 * ({@link EmbeddedTestKafka}) or, where Docker is available, a container ({@link ContainerTestKafka}). A test written
 * against this interface runs unchanged on either; {@link TestKafkaExtension} starts one per test class.
 */
public interface TestKafka extends AutoCloseable {

    /** {@code HOST:PORT} that clients in this JVM reach. */
    String bootstrapServers();

    /** Shared by everyone using this Kafka and closed with it: do not close it yourself. */
    Admin admin();

    /** Stops this Kafka and its shared admin client. Idempotent. */
    @Override
    void close();

    /** A fresh, mutable map holding only bootstrap.servers: what an app under test is configured with. */
    default Map<String, Object> clientProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** A fresh, mutable producer config: acks=all, idempotent, byte-array serializers unless replaced. */
    default Map<String, Object> producerProps() {
        Map<String, Object> props = clientProps();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * A fresh, mutable consumer config: reads from the earliest offset, only committed transactional records,
     * byte-array deserializers unless replaced.
     */
    default Map<String, Object> consumerProps(String groupId) {
        Map<String, Object> props = clientProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** Creates a test's own topic unless it exists; returns its name. */
    default String createTopic(String name, int partitions) {
        return createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a test's own topic with these topic configs (e.g. a raised {@code max.message.bytes}) unless it exists;
     * returns its name.
     */
    default String createTopic(String name, int partitions, Map<String, String> config) {
        TopicCreator.ensureTopics(admin(), List.of(new TopicSpec(name, partitions, config, byte[].class)),
                TopicCreator.BROKER_DEFAULT_REPLICATION);
        return name;
    }
}
