package io.east.producers.versions;

import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.ModelVersion;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.WholeTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows east.model-versions for one key. It assigns every partition itself (no consumer group: every generator and
 * evaluator needs every announcement, and there is nothing to commit) and reads from the beginning, so the newest
 * pointer is known even when it was announced long before this process started; compaction keeps the topic short.
 *
 * <p>Keeps the highest version seen for the key: the trainer announces growing versions, and re-announces its newest
 * after a restart, which changes nothing here. Tombstones (a deleted key) do not unload anything. A record of the key
 * that does not decode is logged with its offset, counted ({@link #skipped()}) and skipped. Not thread-safe: one thread
 * polls at a time.
 */
public final class ModelVersionFollower implements ModelVersionFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ModelVersionFollower.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final String key;
    private ModelVersion newest;
    private boolean assigned;
    private long skipped;

    public ModelVersionFollower(Consumer<byte[], byte[]> consumer, String topic, String key) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Follows {@code key} on east.model-versions. */
    public static ModelVersionFollower connect(Map<String, Object> clientProperties, String key) {
        return connect(clientProperties, EastTopics.MODEL_VERSIONS.name(), key);
    }

    public static ModelVersionFollower connect(Map<String, Object> clientProperties, String topic, String key) {
        return new ModelVersionFollower(new KafkaConsumer<>(
                ClientConfigs.assignedReader(clientProperties, "east-model-versions-" + key),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic, key);
    }

    @Override
    public String key() {
        return key;
    }

    public String topic() {
        return topic;
    }

    /** Records of the key that did not decode as a ModelVersion, since this follower was made. */
    public long skipped() {
        return skipped;
    }

    @Override
    public Optional<ModelVersion> poll(Duration timeout) throws InterruptedException {
        try {
            assignOnce();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
                accept(record);
            }
        } catch (InterruptException e) {
            throw checked(e);
        }
        return Optional.ofNullable(newest);
    }

    /** Polls until this consumer's position has reached the end offsets taken when called, or the timeout passes. */
    @Override
    public Optional<ModelVersion> pollToEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            assignOnce();
            Map<TopicPartition, Long> ends;
            try {
                ends = consumer.endOffsets(consumer.assignment(), timeout);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.atWarn().addKeyValue("topic", topic).addKeyValue("timeout", timeout)
                        .log("could not learn where the model versions end in time; going on with what was read");
                return Optional.ofNullable(newest);
            }
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.atWarn().addKeyValue("topic", topic).addKeyValue("timeout", timeout)
                            .log("could not read the model versions to their end in time; going on with what was read");
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record
                        : consumer.poll(Duration.ofNanos(Math.min(left, CATCH_UP_POLL.toNanos())))) {
                    accept(record);
                }
            }
        } catch (InterruptException e) {
            throw checked(e);
        }
        return Optional.ofNullable(newest);
    }

    /** Kafka's unchecked twin of InterruptedException, as the checked one; Kafka has already restored the flag. */
    private InterruptedException checked(InterruptException e) {
        InterruptedException interrupted = new InterruptedException("interrupted while reading " + topic);
        interrupted.initCause(e);
        return interrupted;
    }

    private void assignOnce() {
        if (assigned) {
            return;
        }
        List<TopicPartition> partitions =
                WholeTopic.assign(consumer, topic, METADATA_TIMEOUT, "model versions are announced there");
        consumer.seekToBeginning(partitions);
        assigned = true;
        LOG.atDebug().addKeyValue("topic", topic).addKeyValue("key", key).addKeyValue("partitions", partitions.size())
                .log("following model versions from the beginning");
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || !key.equals(new String(record.key(), StandardCharsets.UTF_8))
                || record.value() == null) {
            return;
        }
        ModelVersion version;
        try {
            version = EastSerdes.modelVersion().deserialize(record.value());
        } catch (RuntimeException e) {
            // Avro and the frame check throw several unchecked types; all mean "not a ModelVersion".
            skipped++;
            LOG.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).addKeyValue("skipped", skipped)
                    .log("record does not decode as a ModelVersion, skipped: {}", e.getMessage());
            return;
        }
        if (newest == null || version.getVersion() > newest.getVersion()) {
            newest = version;
            LOG.atDebug().addKeyValue("key", key).addKeyValue("version", version.getVersion())
                    .addKeyValue("checkpoint_uri", version.getCheckpointUri()).log("model version announced");
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
