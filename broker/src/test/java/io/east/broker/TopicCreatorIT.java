package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics come back from {@link TopicCreator} ready to write: every partition has a leader, and an idempotent producer
 * that sends to every partition the moment they exist gets every record acknowledged without retries running out.
 */
class TopicCreatorIT {

    @TempDir
    Path dataDir;

    @Test
    void anIdempotentProducerWritesEveryPartitionRightAfterTheTopicsAreCreated() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.builder().dataDir(dataDir).build())
                .start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<TopicSpec> specs = TopicCreator.allSpecs("fresh");
            assertThat(TopicCreator.ensureAll(admin, "fresh")).hasSameSizeAs(specs);

            Map<String, TopicDescription> described = admin.describeTopics(
                    specs.stream().map(TopicSpec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.values()).flatMap(TopicDescription::partitions).as("a leader for every partition")
                    .allSatisfy(partition -> assertThat(partition.leader()).isNotNull()
                            .satisfies(leader -> assertThat(leader.isEmpty()).isFalse()));

            // A short delivery timeout makes a stalled partition fail the test instead of passing late.
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.LINGER_MS_CONFIG, 0);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (TopicDescription topic : described.values()) {
                    for (TopicPartitionInfo partition : topic.partitions()) {
                        for (int i = 0; i < 20; i++) {
                            sent.add(producer.send(new ProducerRecord<>(topic.name(), partition.partition(),
                                    ("k" + i).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) i})));
                        }
                    }
                }
                producer.flush();
            }
            for (Future<RecordMetadata> ack : sent) {
                assertThat(ack.get(1, TimeUnit.SECONDS).hasOffset()).isTrue();
            }
            assertThat(sent).hasSize(20 * described.values().stream().mapToInt(t -> t.partitions().size()).sum());
            assertThat(described).containsKey(EastTopics.SAMPLES.name());
        }
    }
}
