package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.model.train.LossKind;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad record on what the trainer reads, on a real broker. It has no dead-letter topic: a bad example is
 * skipped, counted as invalid and listed with its offset in a checkpoint's skipped.jsonl, and every good example is
 * trained. The examples topic takes 6 MiB records so that the 5 MiB kinds can arrive.
 */
class TrainerBadRecordsIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int SIX_MIB = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Path init = TestExamples.tinyInit();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void eachBadRecordIsSkippedCountedAndListedWithItsOffsetAndEveryGoodExampleIsTrained(long seed)
            throws Exception {
        String topic = KAFKA.createTopic("bad-" + seed + ".weighted", 1,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(SIX_MIB)));
        List<BadPayload> bad = BadPayload.everyKind(TestExamples.example("bad", 1.0, 0), seed);
        List<String> good = new ArrayList<>();
        Map<Long, BadPayload> badAt = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(bigRecordProducer())) {
            // Each bad record between two good ones: the trainer stops at the last good one, so it reads them all.
            for (BadPayload payload : bad) {
                good.add(send(producer, topic, "good-" + good.size()));
                badAt.put(producer.send(new ProducerRecord<>(topic, "bad".getBytes(StandardCharsets.UTF_8),
                        payload.value())).get().offset(), payload);
            }
            good.add(send(producer, topic, "good-last"));
        }

        TrainingReport report;
        try (TrainerApp app = TrainerApp.open(TrainerAppSettings.builder(LossKind.SFT, init, dir.resolve("ckpt"))
                        .topic(topic).experiment("bad-" + seed).batchSize(4).learningRate(1e-3).warmupSteps(0)
                        .pollTimeout(Duration.ofMillis(100)).checkpointEvery(1).maxExamples(good.size()).build(),
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                TrainingListener.NONE)) {
            report = app.run();
        }

        assertThat(report.stopReason()).isEqualTo(TrainingReport.StopReason.MAX_EXAMPLES);
        assertThat(report.trained()).isEqualTo(good.size());
        assertThat(report.invalid()).isEqualTo(bad.size());
        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"));
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactlyElementsOf(good);
        List<JsonNode> skipped = skippedAlongLineage(store);
        assertThat(skipped).extracting(line -> line.get("offset").asLong())
                .containsExactlyElementsOf(badAt.keySet());
        assertThat(skipped).allSatisfy(line -> {
            assertThat(line.get("source").asText()).isEqualTo(topic + "-0");
            assertThat(line.get("reason").asText()).isEqualTo("invalid");
        });
        assertThat(skipped).filteredOn(line -> badAt.get(line.get("offset").asLong()).kind().huge())
                .extracting(line -> line.get("detail").asText()).as("the 5 MiB records are refused by their size")
                .hasSize(2).allSatisfy(detail -> assertThat(detail).contains("more than the 1048576"));
    }

    /** At a resume the trainer reads what earlier runs published; bad records of its key there are passed over. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void whatEarlierRunsPublishedIsFoundPastBadRecordsOfTheKey(long seed) throws Exception {
        String key = "progress-" + seed;
        List<BadPayload.Kind> small = BadPayload.undecodableKinds().stream().filter(kind -> !kind.huge()).toList();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            long step = 0;
            for (BadPayload payload : BadPayload.ofKinds(small, version(1), seed)) {
                step++;
                sendRaw(producer, EastTopics.MODEL_VERSIONS.name(), key, EastSerdes.modelVersion().serialize(
                        version(step)));
                sendRaw(producer, EastTopics.MODEL_VERSIONS.name(), key, payload.value());
            }
            for (BadPayload payload : BadPayload.ofKinds(small, metrics(1), seed)) {
                sendRaw(producer, EastTopics.TRAIN_METRICS.name(), key, payload.value());
            }
            sendRaw(producer, EastTopics.TRAIN_METRICS.name(), key, EastSerdes.trainMetrics().serialize(metrics(12)));
        }

        PublishedProgress progress = PublishedProgress.read(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()), key,
                Duration.ofSeconds(30));

        assertThat(progress).isEqualTo(new PublishedProgress(small.size(), 12));
    }

    private static ModelVersion version(long version) {
        return ModelVersion.newBuilder().setVersion(version).setCheckpointUri("file:///c/v" + version)
                .setStep(version * 2).setCreatedAt(Instant.ofEpochMilli(1)).build();
    }

    private static TrainMetrics metrics(long step) {
        return TrainMetrics.newBuilder().setStep(step).setModelVersion(1).setLoss(0.5).setWeightedLoss(0.5)
                .setMeanWeight(1).setGradNorm(1).setTokensPerSecond(1).setExamplesSeen(step * 4).setLearningRate(1e-3)
                .setCreatedAt(Instant.ofEpochMilli(1)).build();
    }

    private static void sendRaw(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    private static String send(KafkaProducer<byte[], byte[]> producer, String topic, String taskId)
            throws Exception {
        WeightedExample example = TestExamples.example(taskId, 1.0, 0);
        producer.send(new ProducerRecord<>(topic, taskId.getBytes(StandardCharsets.UTF_8),
                EastSerdes.weightedExample().serialize(example))).get();
        return taskId;
    }

    private static Map<String, Object> bigRecordProducer() {
        Map<String, Object> props = KAFKA.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, SIX_MIB);
        return props;
    }

    /** Every skipped.jsonl line along the lineage of the newest checkpoint, oldest first. */
    private static List<JsonNode> skippedAlongLineage(CheckpointStore store) throws IOException {
        List<Checkpoint> lineage = new ArrayList<>(store.lineage(store.newest().orElseThrow()));
        java.util.Collections.reverse(lineage);
        List<JsonNode> lines = new ArrayList<>();
        for (Checkpoint checkpoint : lineage) {
            Path file = checkpoint.directory().resolve(CheckpointStore.SKIPPED);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }
}
