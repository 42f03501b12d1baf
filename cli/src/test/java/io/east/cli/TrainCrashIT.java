package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.producers.generate.CommittedRecords;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TrainingExamples;
import io.east.trainer.Checkpoint;
import io.east.trainer.CheckpointStore;
import io.east.trainer.TrainerState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code east train} after its first checkpoint, then a restart on the same checkpoint directory: along
 * the final checkpoint's lineage, every task id of the topic is trained exactly once, in each partition's order.
 */
class TrainCrashIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String TOPIC = "crash.weighted";
    private static final int PARTITIONS = 3;
    private static final int TOTAL = 96;
    /** Produced before the kill: not a multiple of the batch size, so a partly filled batch waits at the kill. */
    private static final int BEFORE_KILL = 58;

    @TempDir
    Path dir;

    @Test
    void aKilledTrainerResumesFromItsNewestCheckpointAndTrainsEveryExampleExactlyOnce() throws Exception {
        KAFKA.createTopic(TOPIC, PARTITIONS);
        Path init = dir.resolve("init");
        Checkpoints.writeFresh(init, LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 64), 7);
        Path checkpoints = dir.resolve("checkpoints");
        CheckpointStore store = new CheckpointStore(checkpoints);
        List<WeightedExample> examples = examples();
        produce(examples.subList(0, BEFORE_KILL));

        // The first run cannot finish: only 58 of the 96 examples exist yet. With 4 per step and a checkpoint every
        // 4 steps it trains steps 1-14 (56 examples), checkpoints at steps 4, 8 and 12 (48 examples), and waits with
        // 2 examples in a partly filled batch. Killed then, it loses 8 trained examples and 2 consumed ones.
        try (EastProcess first = startTrainer("first", init, checkpoints)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !first.process().isAlive() || first.output().contains("{\"step\":14,"));
            assertThat(first.process().isAlive()).as("the first run is still running when it is killed").isTrue();
            first.kill();
        }
        Checkpoint atKill = store.newest().orElseThrow();
        assertThat(atKill.state().step()).isEqualTo(12);
        assertThat(atKill.state().examplesSeen()).isEqualTo(48);

        produce(examples.subList(BEFORE_KILL, TOTAL));
        try (EastProcess second = startTrainer("second", init, checkpoints)) {
            assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).as("the restarted run finishes").isTrue();
            assertThat(second.process().exitValue()).as(second.output()).isZero();
            assertThat(second.output()).as("steps 13 and 14 are trained again from the step 12 checkpoint")
                    .contains("{\"step\":13,").doesNotContain("{\"step\":12,");
        }

        Checkpoint last = store.newest().orElseThrow();
        TrainerState state = last.state();
        assertThat(state.examplesSeen()).isEqualTo(TOTAL);
        assertThat(state.offsets().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TOTAL);
        List<Checkpoint> lineage = new ArrayList<>(store.lineage(last));
        assertThat(lineage).extracting(Checkpoint::version).as("resumed from the newest checkpoint at the kill")
                .contains(atKill.version());
        Collections.reverse(lineage);
        List<String> trained = new ArrayList<>();
        for (Checkpoint c : lineage) {
            trained.addAll(CheckpointStore.trainedTasks(c.directory()));
        }
        assertThat(trained).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(examples.stream().map(WeightedExample::getTaskId).toList());
        assertThat(byPartition(trained)).as("each partition trained in its log order").isEqualTo(
                byPartition(examples.stream().map(WeightedExample::getTaskId).toList()));
        try (Stream<Path> leftovers = Files.list(checkpoints)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }

        List<ModelVersion> announced = keyed(EastTopics.MODEL_VERSIONS.name(), EastSerdes.modelVersion()::deserialize);
        assertThat(announced).extracting(ModelVersion::getVersion).as("each version announced once, the resume's "
                + "checkpoint included").doesNotHaveDuplicates().endsWith(last.version());
        assertThat(announced.get(announced.size() - 1).getExamplesSeen()).isEqualTo(TOTAL);
        List<TrainMetrics> steps = keyed(EastTopics.TRAIN_METRICS.name(), EastSerdes.trainMetrics()::deserialize);
        assertThat(steps).extracting(TrainMetrics::getStep).as("the redone steps 13 and 14 published once")
                .doesNotHaveDuplicates().containsAll(LongStream.rangeClosed(13, TOTAL / 4).boxed().toList());
    }

    private static List<WeightedExample> examples() {
        List<WeightedExample> out = new ArrayList<>();
        for (int i = 0; i < TOTAL; i++) {
            int a = i % 50;
            out.add(TrainingExamples.builder("synthetic/q" + i + "@r0")
                    .setPrompt("What is " + a + " + " + (i % 7) + "?").setChosen(" " + (a + i % 7))
                    .setRejected(" " + (a + i % 7 + 1)).setWeight(0.5 + (i % 4) * 0.25).setExperiment("crash")
                    .setCreatedAt(Instant.now()).build());
        }
        return out;
    }

    private static void produce(List<WeightedExample> examples) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            for (WeightedExample e : examples) {
                producer.send(new ProducerRecord<>(TOPIC, e.getTaskId().getBytes(StandardCharsets.UTF_8),
                        EastSerdes.weightedExample().serialize(e)));
            }
            producer.flush();
        }
    }

    private static Map<Integer, List<String>> byPartition(List<String> taskIds) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            out.put(p, new ArrayList<>());
        }
        taskIds.forEach(id -> out.get(SampleLogs.partitionOf(id, PARTITIONS)).add(id));
        return out;
    }

    private static EastProcess startTrainer(String run, Path init, Path checkpoints) throws Exception {
        // libtorch's idle OpenMP workers spin otherwise, and this machine has 2 shared cores.
        return EastProcess.start("train-crash-" + run, List.of("-XX:+UseSerialGC", "-Xmx384m"),
                Map.of("OMP_WAIT_POLICY", "PASSIVE"),
                "train", "--loss", "sft", "--init", init.toString(), "--checkpoint-dir", checkpoints.toString(),
                "--topic", TOPIC, "--experiment", "crash", "--batch-size", "4", "--checkpoint-every", "4",
                "--max-examples", Integer.toString(TOTAL), "--lr", "1e-3", "--warmup", "0", "--log-every", "1",
                "--bootstrap", KAFKA.bootstrapServers());
    }

    /** Every committed record of the run's key on the topic, read to the topic's end as it is now. */
    private static <T> List<T> keyed(String topic, Function<byte[], T> decode) {
        return CommittedRecords.read(KAFKA, topic).stream()
                .filter(r -> "crash".equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> decode.apply(r.value())).toList();
    }
}
