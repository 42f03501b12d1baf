package io.east.trainer;

import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.WholeTopic;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeightedExamples from a Kafka topic. The trainer is the one consumer of its experiment, so it assigns every
 * partition itself (no group membership, no rebalances) and seeks to the positions its checkpoint saved, or to the
 * beginning of a partition the checkpoint does not know. It reads committed records only. After each checkpoint
 * the same positions are committed under the trainer's group id, only so that lag tools can see how far behind it
 * is; they are never read back.
 */
public final class KafkaExampleSource implements ExampleSource {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExampleSource.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The streams app refuses samples over 256 KiB, so the examples it writes stay well under this; a larger record
     * did not come from it, and would be held in memory and tokenized whole only to be cut to a sequence length.
     */
    static final int MAX_EXAMPLE_BYTES = 1024 * 1024;

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, TopicPartition> partitions = new HashMap<>();
    private final Map<String, Long> start = new TreeMap<>();
    private final Deque<ConsumerRecord<byte[], byte[]>> buffered = new ArrayDeque<>();

    private KafkaExampleSource(String topic, KafkaConsumer<byte[], byte[]> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /** The consumer's own client metrics (fetch lag, rates), for the process's /metrics. */
    KafkaClientMetrics clientMetrics() {
        return new KafkaClientMetrics(consumer);
    }

    /**
     * @param clientProperties bootstrap servers and security settings; deserializers, isolation and commits are set here
     * @param saved positions from the checkpoint the run resumes, keyed {@code topic-partition}
     * @throws InvalidSetupException when the topic does not exist
     */
    public static KafkaExampleSource open(Map<String, Object> clientProperties, String topic, String groupId,
            Map<String, Long> saved) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(clientProperties, groupId));
        KafkaExampleSource source = new KafkaExampleSource(topic, consumer);
        try {
            source.assignAndSeek(saved);
            return source;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, String groupId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Only reached when a saved position has been deleted by retention: then the oldest record left is the
        // closest to "nothing skipped" there is. The default (latest) would silently skip everything.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        return props;
    }

    private void assignAndSeek(Map<String, Long> saved) {
        List<TopicPartition> assigned;
        try {
            assigned = WholeTopic.assign(consumer, topic, METADATA_TIMEOUT, "the trainer reads its examples there")
                    .stream().sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        } catch (IllegalStateException e) {
            throw new InvalidSetupException(e.getMessage());
        }
        assigned.forEach(tp -> partitions.put(tp.toString(), tp));
        for (TopicPartition tp : assigned) {
            Long offset = saved.get(tp.toString());
            if (offset != null) {
                consumer.seek(tp, offset);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
        // Resolve every position now, so a checkpoint names each partition even if nothing was read from it.
        for (TopicPartition tp : assigned) {
            start.put(tp.toString(), consumer.position(tp, METADATA_TIMEOUT));
        }
        saved.keySet().stream().filter(key -> !partitions.containsKey(key)).forEach(key -> LOG.atWarn()
                .addKeyValue("position", key).addKeyValue("topic", topic)
                .log("the checkpoint holds a position this run does not read; it is not carried on"));
        LOG.atInfo().addKeyValue("topic", topic).addKeyValue("positions", start).log("assigned and positioned");
    }

    @Override
    public Optional<IncomingExample> next(Duration timeout) {
        if (buffered.isEmpty()) {
            consumer.poll(timeout).forEach(buffered::add);
        }
        ConsumerRecord<byte[], byte[]> record = buffered.poll();
        if (record == null) {
            return Optional.empty();
        }
        SourcePosition position = new SourcePosition(
                new TopicPartition(record.topic(), record.partition()).toString(), record.offset());
        if (record.value() != null && record.value().length > MAX_EXAMPLE_BYTES) {
            return Optional.of(IncomingExample.unusable(position, position + ": " + record.value().length
                    + " bytes, more than the " + MAX_EXAMPLE_BYTES + " an example may have"));
        }
        try {
            WeightedExample example = EastSerdes.weightedExample().deserialize(record.value());
            if (example == null) {
                return Optional.of(IncomingExample.unusable(position, position + ": empty record"));
            }
            return Optional.of(IncomingExample.of(position, example));
        } catch (RuntimeException e) {
            return Optional.of(IncomingExample.unusable(position, position + ": does not decode: " + e.getMessage()));
        }
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    @Override
    public Map<String, Long> startPositions() {
        return Collections.unmodifiableMap(start);
    }

    @Override
    public void checkpointed(Map<String, Long> positions, long version) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((key, offset) -> {
            TopicPartition tp = partitions.get(key);
            if (tp != null) {
                offsets.put(tp, new OffsetAndMetadata(offset, "checkpoint v" + version));
            }
        });
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            // Monitoring only: the checkpoint is what a restart reads, so a failed commit loses nothing.
            LOG.atWarn().addKeyValue("version", version).log("could not commit offsets for lag monitoring: {}", e.toString());
        }
    }

    @Override
    public String describe() {
        return "kafka:" + topic;
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }
}
