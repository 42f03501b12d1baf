package io.east.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.topics.CommittedScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CommittedScan} against a real broker: what it reads, in what order, and what it leaves out. */
class CommittedScanIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void readsEveryCommittedRecordInTopicPartitionAndOffsetOrderAndNoAbortedOne() {
        String first = KAFKA.createTopic("scan-first", 3);
        String second = KAFKA.createTopic("scan-second", 1);
        try (KafkaProducer<byte[], byte[]> producer = transactional("scan-writer")) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 9; i++) {
                producer.send(record(second, 0, "s" + i));
                producer.send(record(first, 2 - i % 3, "f" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(first, 0, "aborted"));
            producer.send(record(second, 0, "aborted"));
            producer.abortTransaction();
        }
        // A group id in the properties would make the scan commit or join a group; it is ignored.
        Map<String, Object> props = KAFKA.consumerProps("a-group-the-scan-ignores");

        List<String> read = new ArrayList<>();
        int partitions = CommittedScan.forEach(props, List.of(first, second), TIMEOUT,
                record -> read.add(record.topic() + "-" + record.partition() + ":" + text(record)));

        assertThat(partitions).isEqualTo(4);
        assertThat(read).containsExactly(
                "scan-first-0:f2", "scan-first-0:f5", "scan-first-0:f8",
                "scan-first-1:f1", "scan-first-1:f4", "scan-first-1:f7",
                "scan-first-2:f0", "scan-first-2:f3", "scan-first-2:f6",
                "scan-second-0:s0", "scan-second-0:s1", "scan-second-0:s2", "scan-second-0:s3", "scan-second-0:s4",
                "scan-second-0:s5", "scan-second-0:s6", "scan-second-0:s7", "scan-second-0:s8");
        assertThat(CommittedScan.readAll(props, second, TIMEOUT)).extracting(CommittedScanIT::text)
                .containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
    }

    @Test
    void aTopicThatDoesNotExistHasNoPartitionsToRead() {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        assertThat(CommittedScan.forEach(KAFKA.clientProps(), List.of("scan-no-such-topic"), TIMEOUT, read::add))
                .isZero();
        assertThat(read).isEmpty();
    }

    @Test
    void anOpenTransactionHoldsTheEndBackWithoutHoldingTheReadUp() {
        String topic = KAFKA.createTopic("scan-open", 1);
        try (KafkaProducer<byte[], byte[]> producer = transactional("scan-open-writer")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(topic, 0, "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(topic, 0, "still open"));
            producer.flush();

            assertThat(CommittedScan.readAll(KAFKA.clientProps(), topic, TIMEOUT)).extracting(CommittedScanIT::text)
                    .containsExactly("committed");
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<byte[], byte[]> transactional(String id) {
        Map<String, Object> props = KAFKA.producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        return new KafkaProducer<>(props);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int partition, String value) {
        return new ProducerRecord<>(topic, partition, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
