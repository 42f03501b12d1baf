package io.east.producers.generate;

import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Question tasks and model versions for tests, and their publication. */
public final class Tasks {

    private Tasks() {
    }

    public static QuestionTask task(String taskId, String question, String gold, int n) {
        return QuestionTask.newBuilder()
                .setTaskId(taskId)
                .setQuestionId("q-" + taskId)
                .setDataset("synthetic")
                .setRound(2)
                .setQuestion(question)
                .setGoldAnswer(gold)
                .setN(n)
                .setCreatedAt(Instant.ofEpochMilli(1_000))
                .build();
    }

    /** Publishes a task under its id and waits for the acknowledgement. */
    public static void publish(EmbeddedKafkaExtension kafka, String topic, QuestionTask task) {
        publishAll(kafka, topic, List.of(task));
    }

    /** Publishes the tasks in order, each under its id, and waits for every acknowledgement. */
    public static void publishAll(EmbeddedKafkaExtension kafka, String topic, List<QuestionTask> tasks) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProps())) {
            for (QuestionTask task : tasks) {
                producer.send(new ProducerRecord<>(topic, task.getTaskId().getBytes(StandardCharsets.UTF_8),
                        EastSerdes.questionTask().serialize(task))).get();
            }
        } catch (Exception e) {
            throw new AssertionError("could not publish " + tasks.size() + " task(s) to " + topic, e);
        }
    }

    /** Announces a checkpoint as a model version of {@code key} on east.model-versions, as the trainer does. */
    public static void announce(EmbeddedKafkaExtension kafka, String key, long version, Path checkpoint)
            throws Exception {
        ModelVersion pointer = ModelVersion.newBuilder().setVersion(version)
                .setCheckpointUri(checkpoint.toUri().toString()).setStep(version * 10).setExperiment(key)
                .setCreatedAt(Instant.now()).build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProps())) {
            producer.send(new ProducerRecord<>(EastTopics.MODEL_VERSIONS.name(), key.getBytes(StandardCharsets.UTF_8),
                    EastSerdes.modelVersion().serialize(pointer))).get();
        }
    }
}
