package io.east.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.serde.EastSerdes;
import io.east.schemas.serde.RecordJson;
import io.east.schemas.serde.SampleRecords;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every record type goes through its serde, its own topic on a real broker, and back, unchanged. The body of
 * {@link EveryRecordTypeOnBrokerIT} (embedded broker) and {@link EveryRecordTypeOnContainerIT} (Kafka in Docker).
 */
abstract class EveryRecordTypeRoundTrip {

    private TestKafka kafka;

    /** The Kafka whose extension the concrete class registers. */
    @BeforeEach
    void useKafka(TestKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void everyTypeRoundTripsThroughItsTopic() {
        List<SpecificRecord> records = new ArrayList<>(SampleRecords.full());
        records.addAll(SampleRecords.sparse());
        for (TopicSpec topic : EastTopics.ALL) {
            List<SpecificRecord> ofType = records.stream().filter(r -> r.getClass() == topic.valueType()).toList();
            assertThat(ofType).as("sample records of %s", topic.valueType().getSimpleName()).hasSize(2);
            // Compared as canonical JSON (sorted map keys): Avro's equals treats NaN as unequal to itself, and the
            // sparse samples hold NaN.
            assertThat(roundTrip(topic, ofType)).as(topic.name()).extracting(EveryRecordTypeRoundTrip::json)
                    .containsExactlyElementsOf(ofType.stream().map(EveryRecordTypeRoundTrip::json).toList());
        }
    }

    private static String json(Object record) {
        return RecordJson.toJson((GenericRecord) record);
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> List<T> roundTrip(TopicSpec topic, List<SpecificRecord> records) {
        Serde<T> serde = (Serde<T>) EastSerdes.forTopic(topic);
        Map<String, Object> producerProps = kafka.producerProps();
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                serde.serializer())) {
            for (SpecificRecord record : records) {
                producer.send(new ProducerRecord<>(topic.name(), "key", (T) record));
            }
            producer.flush();
        }
        try (TopicReader<T> reader = new TopicReader<>(kafka, topic.name(), serde.deserializer())) {
            return reader.valuesUntil(records.size(), Duration.ofSeconds(30));
        }
    }
}
