package io.east.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the app hands Kafka Streams, read back as Kafka Streams resolves it for its producer. */
class StreamsAppConfigTest {

    @TempDir
    Path stateDir;

    @Test
    void theProducerRetriesSoonerThanByDefaultUnlessTold() {
        assertThat(retryBackoff(Map.of())).isEqualTo(StreamsApp.TRANSACTION_RETRY_BACKOFF_MS)
                .isLessThan((Long) ProducerConfig.configDef().defaultValues()
                        .get(ProducerConfig.RETRY_BACKOFF_MS_CONFIG));
    }

    @Test
    void aRetryBackoffGivenByTheUserWinsInEitherForm() {
        assertThat(retryBackoff(Map.of("retry.backoff.ms", "250"))).isEqualTo(250);
        assertThat(retryBackoff(Map.of("producer.retry.backoff.ms", "300"))).isEqualTo(300);
    }

    @Test
    void exactlyOnceTwoThreadsAndAReplayFromTheStartAreTheDefaults() {
        StreamsConfig config = new StreamsConfig(app(Map.of()).properties());

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(StreamsApp.DEFAULT_STREAM_THREADS);
        assertThat(config.getMainConsumerConfigs("group", "client", 0).get("auto.offset.reset"))
                .isEqualTo("earliest");
    }

    @Test
    void aKilledInstancesTasksMoveAfterTenSecondsUnlessTheUserSetsTheSession() {
        StreamsConfig config = new StreamsConfig(app(Map.of()).properties());
        assertThat(config.getMainConsumerConfigs("g", "c", 0)).containsEntry("session.timeout.ms", 10_000);
        StreamsConfig set = new StreamsConfig(app(Map.of("session.timeout.ms", "30000")).properties());
        assertThat(set.getMainConsumerConfigs("g", "c", 0)).containsEntry("session.timeout.ms", "30000");
    }

    @Test
    void aGroupOfManyLongSamplesFitsInOneChangelogRecord() {
        StreamsConfig config = new StreamsConfig(app(Map.of()).properties());
        assertThat(config.getProducerConfigs("c")).containsEntry("max.request.size", StreamsApp.MAX_STATE_RECORD_BYTES);
        assertThat(config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX))
                .containsEntry("max.message.bytes", StreamsApp.MAX_STATE_RECORD_BYTES);
        assertThat(StreamsApp.MAX_STATE_RECORD_BYTES).isGreaterThanOrEqualTo(256 * SampleValidator.MAX_SAMPLE_BYTES);
    }

    @Test
    void theThreadCountCanBeSet() {
        StreamsConfig config = new StreamsConfig(app(Map.of("num.stream.threads", "1")).properties());

        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
    }

    /** The retry backoff of the producer Kafka Streams would create, as that producer parses it. */
    private long retryBackoff(Map<String, Object> clientProperties) {
        Map<String, Object> producer = new HashMap<>(new StreamsConfig(app(clientProperties).properties())
                .getProducerConfigs("client"));
        // Kafka Streams adds its serializers when it creates the producer.
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new ProducerConfig(producer).getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
    }

    private StreamsApp app(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put("bootstrap.servers", "127.0.0.1:9");
        return new StreamsApp(TopologyFixture.settings(WeightStrategy.ENTROPY, 1.0, Scope.parse("fixed:1")),
                properties, stateDir, StreamsConfig.EXACTLY_ONCE_V2);
    }
}
