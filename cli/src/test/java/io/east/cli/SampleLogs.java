package io.east.cli;

import io.east.core.group.GroupAnalyzer;
import io.east.core.group.SampleAnswer;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Writing a sample log to a broker and reading topics back, for the integration tests of the streams app. */
final class SampleLogs {

    private SampleLogs() {
    }

    static void produce(Map<String, Object> producerProps, List<ReasoningSample> samples) {
        try (KafkaProducer<String, ReasoningSample> producer = new KafkaProducer<>(producerProps,
                new StringSerializer(), EastSerdes.reasoningSample().serializer())) {
            for (ReasoningSample sample : samples) {
                producer.send(new ProducerRecord<>(EastTopics.SAMPLES.name(), sample.getTaskId(), sample));
            }
            producer.flush();
        }
    }

    /** The tasks of a log in first-seen order with their samples. */
    static Map<String, List<ReasoningSample>> byTask(List<ReasoningSample> samples) {
        Map<String, List<ReasoningSample>> tasks = new LinkedHashMap<>();
        samples.forEach(sample -> tasks.computeIfAbsent(sample.getTaskId(), id -> new ArrayList<>()).add(sample));
        return tasks;
    }

    /** Kept tasks per input partition, as the default partitioner spreads task ids over east.samples. */
    static Map<Integer, Integer> keptPerPartition(List<ReasoningSample> samples, GroupAnalyzer analyzer) {
        Map<Integer, Integer> kept = new HashMap<>();
        byTask(samples).forEach((taskId, taskSamples) -> {
            List<SampleAnswer> answers = taskSamples.stream().map(s -> new SampleAnswer(s.getSampleIndex(),
                    s.getPredictedAnswer(), s.getCorrect(), s.getContainsBoxed())).toList();
            if (analyzer.analyze(taskId, taskSamples.get(0).getGoldAnswer(), answers).kept()) {
                kept.merge(partitionOf(taskId, EastTopics.SAMPLES.partitions()), 1, Integer::sum);
            }
        });
        return kept;
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Reads every committed record of a topic seen within the timeout, until {@code expected} have arrived. */
    static <T extends SpecificRecord> List<T> readAll(Map<String, Object> consumerProps, String topic,
            Deserializer<T> values, int expected, Duration timeout) {
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.value());
                }
            }
        }
        return records;
    }
}
