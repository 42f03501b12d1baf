package io.east.ablation;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sample topic from the beginning up to its end as it was when reading began (committed records only), one
 * partition after the other, so tasks come in partition-then-offset order. An undecodable record is logged with its
 * position and counted, as the streams app dead-letters it.
 */
public final class SampleTopicLog {

    private static final Logger LOG = LoggerFactory.getLogger(SampleTopicLog.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private SampleTopicLog() {
    }

    /** @throws IllegalStateException when the end is not reached within {@code timeout} */
    public static SampleLog read(Map<String, Object> clientProperties, String topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Deserializer<ReasoningSample> decoder = EastSerdes.reasoningSample().deserializer();
        SampleLogBuilder builder = new SampleLogBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist or has no partitions");
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = ends.get(partition);
                while (consumer.position(partition, timeout) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("reading " + partition + " did not reach offset " + end
                                + " within " + timeout);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        accept(builder, decoder, record);
                    }
                }
            }
        }
        SampleLog log = builder.build("topic " + topic);
        LOG.atInfo().addKeyValue("topic", topic).addKeyValue("tasks", log.tasks().size())
                .addKeyValue("samples", log.samples()).addKeyValue("skipped", log.skipped()).log("sample log read");
        return log;
    }

    private static void accept(SampleLogBuilder builder, Deserializer<ReasoningSample> decoder,
            ConsumerRecord<byte[], byte[]> record) {
        ReasoningSample sample;
        try {
            sample = decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("partition", record.partition()).addKeyValue("offset", record.offset())
                    .addKeyValue("error", e.toString()).log("undecodable sample skipped");
            builder.skipped();
            return;
        }
        if (sample == null) {
            builder.skipped();
            return;
        }
        builder.add(sample, record.partition()).ifPresent(reason -> LOG.atWarn()
                .addKeyValue("partition", record.partition()).addKeyValue("offset", record.offset())
                .addKeyValue("reason", reason).log("sample not used"));
    }
}
