package io.east.producers.generate;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client configurations of a worker. Caller properties (connection, security, tuning) are layered over
 * our defaults; the settings exactly-once depends on are forced last, so no {@code -X} can break it.
 */
public final class GeneratorClients {

    /** Instead of the consumer's default 45 s: how long a dead worker's partitions stay idle at most. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    private GeneratorClients() {
    }

    public static Map<String, Object> consumerConfig(Map<String, Object> clientProperties, WorkerSettings settings) {
        Map<String, Object> config = new HashMap<>();
        // Without a committed offset a task must still be generated, never skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only partitions that move lose their in-flight batch; with an eager assignor every rebalance would.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "east-generator-" + settings.workerId());
        // A killed worker's partitions wait for its session to expire before anyone takes them over; heartbeats come
        // from a background thread, so a long batch does not need a long session.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
        config.putAll(clientProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        if (settings.staticMember()) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.workerId());
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    public static Map<String, Object> producerConfig(Map<String, Object> clientProperties, WorkerSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "east-generator-" + settings.workerId());
        config.putAll(clientProperties);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
