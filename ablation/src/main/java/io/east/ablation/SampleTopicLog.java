package io.east.ablation;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
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

    private SampleTopicLog() {
    }

    /** @throws IllegalStateException when the topic does not exist or its end is not reached within {@code timeout} */
    public static SampleLog read(Map<String, Object> clientProperties, String topic, Duration timeout) {
        Deserializer<ReasoningSample> decoder = EastSerdes.reasoningSample().deserializer();
        SampleLogBuilder builder = new SampleLogBuilder();
        int partitions;
        try {
            partitions = CommittedScan.forEach(clientProperties, List.of(topic), timeout,
                    record -> accept(builder, decoder, record));
        } catch (KafkaException e) {
            throw new IllegalStateException("reading " + topic + ": " + e.getMessage(), e);
        }
        if (partitions == 0) {
            throw new IllegalStateException("topic " + topic + " does not exist or has no partitions");
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
