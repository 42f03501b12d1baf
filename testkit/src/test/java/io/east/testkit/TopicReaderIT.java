package io.east.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TopicReader} against a real broker: every partition from the start, only what the filter keeps. */
class TopicReaderIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void readsTheKeptCommittedRecordsOfEveryPartitionFromTheStart() {
        String topic = KAFKA.createTopic("reader-kept", 3);
        try (KafkaProducer<String, String> producer = transactional("reader-writer")) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, i % 2 == 0 ? "even" : "odd", "v" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "even", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 1, "even", "after"));
            producer.commitTransaction();
        }

        try (TopicReader<String> reader = new TopicReader<>(KAFKA, topic, new StringDeserializer(),
                record -> record.key().equals("even"))) {
            assertThat(reader.readUntil(4, TIMEOUT)).extracting(ConsumerRecord::partition).contains(0, 1, 2);
            assertThat(reader.pollValues()).containsExactlyInAnyOrder("v0", "v2", "v4", "after");
        }
    }

    @Test
    void failsNamingTheTopicAndHowManyArrivedWhenTooFewDo() {
        String topic = KAFKA.createTopic("reader-short", 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KAFKA.producerProps(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "only"));
            producer.flush();
        }

        // A group id in the properties is ignored: the reader reads outside any group.
        try (TopicReader<String> reader = new TopicReader<>(KAFKA.consumerProps("ignored"), topic,
                new StringDeserializer(), record -> true)) {
            assertThatThrownBy(() -> reader.readUntil(2, Duration.ofSeconds(2))).isInstanceOf(AssertionError.class)
                    .hasMessage("topic reader-short: 1 of the 2 records expected arrived within PT2S");
            assertThat(reader.values()).containsExactly("only");
        }
    }

    private static KafkaProducer<String, String> transactional(String id) {
        Map<String, Object> props = KAFKA.producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
