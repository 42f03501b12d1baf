package io.east.bench.streams;

import io.east.schemas.topics.ClientConfigs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The client settings of the bench's own producers and consumers, stated once so the report can print them. */
public final class BenchClients {

    /**
     * Our producers' settings. acks=all and idempotence are what the system's producers use; the larger batch and
     * a short linger are ordinary batching for a high-volume topic.
     */
    public static final Map<String, String> PRODUCER_SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.BATCH_SIZE_CONFIG, "131072",
            ProducerConfig.LINGER_MS_CONFIG, "10");

    private final String bootstrap;
    private final Map<String, String> appOverrides;

    public BenchClients(String bootstrap) {
        this(bootstrap, Map.of());
    }

    /** @param appOverrides given to the streams apps only, as {@code east streams -X} would be */
    public BenchClients(String bootstrap, Map<String, String> appOverrides) {
        this.bootstrap = bootstrap;
        this.appOverrides = Map.copyOf(appOverrides);
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** What the streams app and the admin client get: only where the broker is. */
    public Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    /** What the streams apps get: where the broker is, plus the bench's --app-config overrides. */
    public Map<String, Object> app() {
        Map<String, Object> props = common();
        props.putAll(appOverrides);
        return props;
    }

    public KafkaProducer<byte[], byte[]> producer(String clientId) {
        Map<String, Object> props = common();
        props.putAll(PRODUCER_SETTINGS);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer that sees only committed transactions, as the trainer does; no group, partitions assigned. */
    public KafkaConsumer<String, byte[]> committedReader(String clientId) {
        Map<String, Object> props = ClientConfigs.assignedReader(common(), clientId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The producer settings as {@code key=value} words, for ProducerPerformance and the report. */
    public static List<String> producerSettingWords() {
        return PRODUCER_SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }
}
