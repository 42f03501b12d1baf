package io.east.schemas.topics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The client settings east relies on, laid over the user's connection properties (security, timeouts, ...). */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    /**
     * Idempotent with acks=all: a retried send never duplicates or reorders a record. These two are forced because
     * the guarantees of the feeder, the importer, the trainer and the evaluator depend on them; everything else
     * (security, timeouts) is the user's.
     */
    public static Map<String, Object> idempotentProducer(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }

    /**
     * A reader of assigned partitions outside any consumer group: no offsets are committed, and only records of
     * committed transactions are seen (the streams app writes with exactly-once).
     */
    public static Map<String, Object> assignedReader(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }
}
