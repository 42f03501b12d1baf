package io.east.trainer;

import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.schemas.topics.EastTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What earlier runs of one record key already published: the newest model version on east.model-versions and the
 * highest step on east.train-metrics. A resumed run announces its checkpoint only when it is missing, and does not
 * publish the metrics of the steps it redoes a second time.
 *
 * @param newestVersion -1 when no version of the key is on the topic
 * @param highestStep   0 when no step of the key is on the topic
 */
public record PublishedProgress(long newestVersion, long highestStep) {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedProgress.class);
    public static final PublishedProgress NONE = new PublishedProgress(-1, 0);

    /** Reads both topics from their start to their end as now, committed records only. */
    public static PublishedProgress read(Map<String, Object> clientProperties, String key, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "east-trainer-progress-" + key);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> ofKey = new ArrayList<>();
        CommittedScan.forEach(props, List.of(EastTopics.MODEL_VERSIONS.name(), EastTopics.TRAIN_METRICS.name()),
                timeout, record -> {
                    if (record.value() != null && Arrays.equals(keyBytes, record.key())) {
                        ofKey.add(record);
                    }
                });
        long newestVersion = -1;
        long highestStep = 0;
        for (ConsumerRecord<byte[], byte[]> record : ofKey) {
            try {
                if (record.topic().equals(EastTopics.MODEL_VERSIONS.name())) {
                    newestVersion = Math.max(newestVersion,
                            EastSerdes.modelVersion().deserialize(record.value()).getVersion());
                } else {
                    highestStep = Math.max(highestStep, EastSerdes.trainMetrics().deserialize(record.value()).getStep());
                }
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset())
                        .log("skipped a record of this key that does not decode: {}", e.getMessage());
            }
        }
        return new PublishedProgress(newestVersion, highestStep);
    }
}
