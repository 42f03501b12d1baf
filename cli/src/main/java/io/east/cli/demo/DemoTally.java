package io.east.cli.demo;

import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.TrainMetrics;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.WholeTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the demo did, read back from its topics: samples and the policy versions that made them, groups kept and
 * discarded, entropy, training progress and accuracy per model version. Runs on its own thread while the demo
 * runs (for the progress lines) and is drained once more at the end (for the summary).
 */
final class DemoTally implements Runnable, AutoCloseable {

    /** One model version's evaluation. */
    record Accuracy(long version, int questions, double passAt1, double low, double high) {
    }

    /**
     * A consistent copy of the counts.
     *
     * @param switchMillis per model version after the base: from its announcement on east.model-versions to the
     *                     commit of the first sample it made
     */
    record Snapshot(long samples, Map<Long, Long> samplesByPolicy, long kept, Map<String, Long> discarded,
            double meanEntropy, double meanEntropyKept, long steps, long examplesTrained, List<Long> versions,
            List<Accuracy> accuracy, Map<Long, Long> switchMillis) {
    }

    private static final List<String> TOPICS = List.of(EastTopics.SAMPLES.name(), EastTopics.GROUPS.name(),
            EastTopics.TRAIN_METRICS.name(), EastTopics.MODEL_VERSIONS.name(), EastTopics.EVAL.name());

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private long samples;
    private final Map<Long, Long> samplesByPolicy = new TreeMap<>();
    private long kept;
    private final Map<String, Long> discarded = new TreeMap<>();
    private double entropySum;
    private double entropySumKept;
    private long groups;
    private long steps;
    private long examplesTrained;
    private final TreeMap<Long, Long> announcedAtMillis = new TreeMap<>();
    private final Map<Long, Long> firstSampleAtMillis = new TreeMap<>();
    private final TreeMap<Long, Accuracy> accuracy = new TreeMap<>();

    DemoTally(Map<String, Object> clientProperties) {
        this.consumer = new KafkaConsumer<>(ClientConfigs.assignedReader(clientProperties, "east-demo-tally"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            partitions.addAll(WholeTopic.partitions(consumer, topic, Duration.ofSeconds(30),
                    "the demo's broker creates every east topic"));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @Override
    public void run() {
        try {
            while (!stopped.get()) {
                pollOnce(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // stop() was called: the thread ends and the owner drains on its own thread.
        }
    }

    /** Reads until the consumer has caught up with everything committed now (for the final summary). */
    void drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && ends.entrySet().stream()
                .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            pollOnce(Duration.ofMillis(200));
        }
    }

    private void pollOnce(Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        synchronized (this) {
            records.forEach(this::count);
        }
    }

    private void count(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        String topic = record.topic();
        if (topic.equals(EastTopics.SAMPLES.name())) {
            ReasoningSample sample = EastSerdes.reasoningSample().deserialize(record.value());
            samples++;
            samplesByPolicy.merge(sample.getPolicyVersion(), 1L, Long::sum);
            firstSampleAtMillis.merge(sample.getPolicyVersion(), sample.getCreatedAt().toEpochMilli(), Math::min);
        } else if (topic.equals(EastTopics.GROUPS.name())) {
            GroupSummary group = EastSerdes.groupSummary().deserialize(record.value());
            groups++;
            entropySum += group.getEntropy();
            if (group.getKept()) {
                kept++;
                entropySumKept += group.getEntropy();
            } else {
                discarded.merge(group.getDiscardReason(), 1L, Long::sum);
            }
        } else if (topic.equals(EastTopics.TRAIN_METRICS.name())) {
            TrainMetrics metrics = EastSerdes.trainMetrics().deserialize(record.value());
            steps = Math.max(steps, metrics.getStep());
            examplesTrained = Math.max(examplesTrained, metrics.getExamplesSeen());
        } else if (topic.equals(EastTopics.MODEL_VERSIONS.name())) {
            announcedAtMillis.merge(EastSerdes.modelVersion().deserialize(record.value()).getVersion(),
                    record.timestamp(), Math::min);
        } else if (topic.equals(EastTopics.EVAL.name())) {
            EvalResult result = EastSerdes.evalResult().deserialize(record.value());
            accuracy.put(result.getModelVersion(), new Accuracy(result.getModelVersion(), result.getQuestions(),
                    result.getPassAt1(), result.getPassAt1CiLow(), result.getPassAt1CiHigh()));
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(samples, Map.copyOf(samplesByPolicy), kept, Map.copyOf(discarded),
                groups == 0 ? 0 : entropySum / groups, kept == 0 ? 0 : entropySumKept / kept, steps,
                examplesTrained, List.copyOf(announcedAtMillis.keySet()), List.copyOf(accuracy.values()),
                switchMillis());
    }

    private Map<Long, Long> switchMillis() {
        Map<Long, Long> millis = new TreeMap<>();
        announcedAtMillis.forEach((version, announced) -> {
            Long first = firstSampleAtMillis.get(version);
            if (version > 0 && first != null) {
                millis.put(version, Math.max(0, first - announced));
            }
        });
        return millis;
    }

    void stop() {
        stopped.set(true);
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
