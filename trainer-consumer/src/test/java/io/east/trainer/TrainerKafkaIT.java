package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.metrics.ProcessMetrics;
import io.east.model.train.LossKind;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The trainer against a real broker: what it reads, what it publishes, what its checkpoints and group record. */
class TrainerKafkaIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir
    Path dir;

    private final Path init = TestExamples.tinyInit();

    private Map<String, Object> client() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    }

    private TrainerAppSettings.Builder settings(String topic, String experiment) {
        return TrainerAppSettings.builder(LossKind.SFT, init, dir.resolve("checkpoints")).topic(topic)
                .experiment(experiment).batchSize(4).learningRate(1e-3).warmupSteps(0)
                .pollTimeout(Duration.ofMillis(100));
    }

    private void produce(String topic, List<WeightedExample> examples) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            for (WeightedExample e : examples) {
                producer.send(new ProducerRecord<>(topic, e.getTaskId().getBytes(StandardCharsets.UTF_8),
                        EastSerdes.weightedExample().serialize(e)));
            }
            producer.flush();
        }
    }

    private static <T> List<T> readByKey(String topic, String key, Deserializer<T> values, int expected) {
        try (TopicReader<T> reader = new TopicReader<>(KAFKA, topic, values, record -> key.equals(record.key()))) {
            return reader.valuesUntil(expected, Duration.ofSeconds(30));
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        return KAFKA.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    }

    @Test
    void trainsEveryPartitionPublishesStepsAndVersionsAndStopsWithItsPositionsSaved() throws Exception {
        String topic = KAFKA.createTopic("it.multi.weighted", 3);
        List<WeightedExample> examples = TestExamples.examples("m", 24);
        produce(topic, examples);
        RecordingListener seen = new RecordingListener();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (ProcessMetrics processMetrics = ProcessMetrics.create("train");
             TrainerApp app = TrainerApp.open(settings(topic, "multi").checkpointEvery(2).build(), client(), seen)) {
            app.bindMetrics(processMetrics);
            Future<TrainingReport> run = runner.submit(app::run);
            await().atMost(Duration.ofMinutes(2)).until(() -> seen.metrics.size() >= 6);
            assertThat(processMetrics.scrape()).as("the Kafka clients' own metrics")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total")
                    .contains("kafka_producer_record_send_total");
            app.stop();
            TrainingReport report = run.get(1, TimeUnit.MINUTES);

            assertThat(report.stopReason()).isEqualTo(TrainingReport.StopReason.STOPPED);
            assertThat(report.trained()).isEqualTo(24);
            assertThat(report.lastCheckpoint().version()).isEqualTo(3);
        } finally {
            runner.shutdownNow();
        }

        List<TrainMetrics> metrics = readByKey(EastTopics.TRAIN_METRICS.name(), "multi",
                EastSerdes.trainMetrics().deserializer(), 6);
        assertThat(metrics).extracting(TrainMetrics::getStep).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(metrics).extracting(TrainMetrics::getExamplesSeen).containsExactly(4L, 8L, 12L, 16L, 20L, 24L);
        assertThat(metrics).extracting(TrainMetrics::getModelVersion).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
        assertThat(metrics).allSatisfy(m -> {
            assertThat(m.getExperiment()).isEqualTo("multi");
            assertThat(m.getLoss()).isPositive();
            assertThat(m.getTokensPerSecond()).isPositive();
            assertThat(m.getLearningRate()).isEqualTo(1e-3);
        });

        List<ModelVersion> versions = readByKey(EastTopics.MODEL_VERSIONS.name(), "multi",
                EastSerdes.modelVersion().deserializer(), 3);
        assertThat(versions).extracting(ModelVersion::getVersion).containsExactly(1L, 2L, 3L);
        assertThat(versions).extracting(ModelVersion::getParentVersion).containsExactly(0L, 1L, 2L);
        assertThat(versions).extracting(ModelVersion::getStep).containsExactly(2L, 4L, 6L);
        assertThat(versions).allSatisfy(v -> assertThat(Path.of(URI.create(v.getCheckpointUri())))
                .isDirectory().isEqualTo(dir.resolve("checkpoints").resolve(String.format("v%06d", v.getVersion()))));

        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"));
        TrainerState last = store.newest().orElseThrow().state();
        Map<String, Long> ends = new java.util.TreeMap<>();
        KAFKA.admin().listOffsets(Map.of(
                        new TopicPartition(topic, 0), org.apache.kafka.clients.admin.OffsetSpec.latest(),
                        new TopicPartition(topic, 1), org.apache.kafka.clients.admin.OffsetSpec.latest(),
                        new TopicPartition(topic, 2), org.apache.kafka.clients.admin.OffsetSpec.latest()))
                .all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
        assertThat(last.offsets()).isEqualTo(ends);
        assertThat(last.source()).isEqualTo("kafka:" + topic);
        assertThat(last.experiment()).isEqualTo("multi");
        assertThat(TestExamples.trainedAlongLineage(store))
                .containsExactlyInAnyOrderElementsOf(TestExamples.taskIds(examples));
        assertThat(committed("east-trainer-multi")).hasSize(3).allSatisfy((tp, offset) ->
                assertThat(offset.offset()).isEqualTo(ends.get(tp.toString())));
    }

    @Test
    void resumesAtTheSavedOffsetSkippingWhatDoesNotDecodeAndDoesNotAnnounceItsCheckpointTwice() throws Exception {
        String topic = KAFKA.createTopic("it.ordered.weighted", 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            producer.send(new ProducerRecord<>(topic, "junk".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        List<WeightedExample> examples = TestExamples.examples("o", 12);
        produce(topic, examples.subList(0, 8));

        try (TrainerApp app = TrainerApp.open(settings(topic, "ordered").checkpointEvery(1).maxExamples(8).build(),
                client(), TrainingListener.NONE)) {
            TrainingReport report = app.run();
            assertThat(report.invalid()).isEqualTo(1);
            assertThat(report.lastCheckpoint().state().offsets()).containsExactly(Map.entry(topic + "-0", 9L));
        }
        Path v1 = dir.resolve("checkpoints").resolve("v000001");
        assertThat(Files.readString(v1.resolve(CheckpointStore.SKIPPED)))
                .contains("\"reason\":\"invalid\"", "does not decode", "\"offset\":0");

        produce(topic, examples.subList(8, 12));
        try (TrainerApp app = TrainerApp.open(settings(topic, "ordered").checkpointEvery(1).maxExamples(12).build(),
                client(), TrainingListener.NONE)) {
            assertThat(app.startedFrom().version()).isEqualTo(2);
            TrainingReport report = app.run();
            assertThat(report.trained()).isEqualTo(4);
            assertThat(report.invalid()).isZero();
            assertThat(report.lastCheckpoint().state().invalid()).as("carried along the lineage").isEqualTo(1);
        }

        // Both trainers have closed, so a second announcement of v2 would be on the topic by now: read all of it.
        List<ModelVersion> versions = CommittedScan.readAll(KAFKA.clientProps(), EastTopics.MODEL_VERSIONS.name(),
                        Duration.ofSeconds(30)).stream()
                .filter(record -> "ordered".equals(new String(record.key(), StandardCharsets.UTF_8)))
                .map(record -> EastSerdes.modelVersion().deserialize(record.value())).toList();
        assertThat(versions).extracting(ModelVersion::getVersion).as("v2 is on the topic already: not announced again")
                .containsExactly(1L, 2L, 3L);
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"));
        assertThat(TestExamples.trainedAlongLineage(store))
                .containsExactlyElementsOf(TestExamples.taskIds(examples));
        assertThat(committed("east-trainer-ordered")).containsEntry(new TopicPartition(topic, 0), new OffsetAndMetadata(13,
                "checkpoint v3"));
    }
}
