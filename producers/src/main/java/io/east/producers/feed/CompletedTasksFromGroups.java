package io.east.producers.feed;

import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.GroupSummary;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.WholeTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completions read from east.groups: a task is complete when its GroupSummary arrives, kept or discarded. Reads every
 * partition directly, outside any consumer group, from the end: the feeder only cares about the tasks it publishes
 * after starting, and several feeders may read the topic at once.
 */
public final class CompletedTasksFromGroups implements CompletedTaskSource {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedTasksFromGroups.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private long skipped;

    public CompletedTasksFromGroups(Consumer<byte[], byte[]> consumer, String topic) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    public static CompletedTasksFromGroups connect(Map<String, Object> clientProperties) {
        return connect(clientProperties, EastTopics.GROUPS.name());
    }

    public static CompletedTasksFromGroups connect(Map<String, Object> clientProperties, String topic) {
        return new CompletedTasksFromGroups(new KafkaConsumer<>(
                ClientConfigs.assignedReader(clientProperties, "east-feed-completions"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), topic);
    }

    /**
     * seekToEnd is lazy: the end offsets are only looked up at the next poll or position call. Asking for every
     * position here fixes them now, before the feeder publishes, so a task that completes quickly cannot have its
     * summary written before the offset we start from.
     */
    @Override
    public void start() {
        List<TopicPartition> partitions =
                WholeTopic.assign(consumer, topic, METADATA_TIMEOUT, "the feeder reads completions there");
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        LOG.atDebug().addKeyValue("topic", topic).addKeyValue("partitions", partitions.size())
                .log("reading completions from the end");
    }

    @Override
    public List<String> poll(Duration timeout) {
        List<String> completed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            try {
                if (record.value() == null) {
                    throw new SerializationException("null value (a tombstone) where a GroupSummary was expected");
                }
                GroupSummary summary = EastSerdes.groupSummary().deserialize(record.value());
                completed.add(summary.getTaskId());
            } catch (SerializationException e) {
                // Not ours to judge: the streams app's records decode; anything else cannot be one of our tasks.
                skipped++;
                LOG.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset()).addKeyValue("skipped", skipped)
                        .log("record does not decode as a GroupSummary, ignored: {}", e.getMessage());
            }
        }
        return completed;
    }

    /** Records that did not decode as a GroupSummary, since this source was made. Read it on the polling thread. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
