package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.schemas.DeadLetter;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad question record between good ones, on a real broker: each becomes a dead letter with its
 * coordinates, every good task is sampled, and the worker keeps running. The questions topic takes 6 MiB records so
 * that the 5 MiB kinds can arrive; east.dlq and the samples topic keep the 1 MB default a deployment has.
 */
class GeneratorBadRecordsIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final int SIX_MIB = 6 * 1024 * 1024;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void eachBadTaskIsDeadLetteredWithItsCoordinatesAndEveryGoodTaskIsSampled(long seed) throws Exception {
        GenerateTopics topics = new GenerateTopics(
                KAFKA.createTopic("bad-" + seed + ".questions", 2,
                        Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(SIX_MIB))),
                KAFKA.createTopic("bad-" + seed + ".samples", 2), KAFKA.createTopic("bad-" + seed + ".dlq", 1));
        WorkerSettings settings = WorkerSettings.defaults("bad-" + seed).withGroup("bad-" + seed).withTopics(topics)
                .withBatchSize(3);
        QuestionTask template = Tasks.task("bad", "What is 2*3? Say it in a few words.", "6", 2);
        Map<String, BadPayload> badAt = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();

        try (RunningWorker worker = RunningWorker.start(Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                settings, new AnsweringBackend());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(bigRecordProducer())) {
            // Good tasks before, between and after the bad ones, published while the worker runs.
            for (BadPayload payload : BadPayload.everyKind(template, seed)) {
                good.add(publish(producer, topics, "good-" + good.size()));
                RecordMetadata sent = producer.send(new ProducerRecord<>(topics.questions(),
                        ("bad-" + badAt.size()).getBytes(StandardCharsets.UTF_8), payload.value())).get();
                badAt.put(sent.partition() + "@" + sent.offset(), payload);
            }
            good.add(publish(producer, topics, "good-last"));

            await().atMost(PATIENCE).until(() -> CommittedRecords.groupCaughtUp(KAFKA, settings.groupId(),
                    topics.questions()));
            assertThat(worker.failure()).as("the worker still runs").isNull();
            assertThat(worker.stop()).satisfies(stats -> {
                assertThat(stats.tasks()).isEqualTo(good.size());
                assertThat(stats.deadLetters()).isEqualTo(badAt.size());
            });
        }

        List<DeadLetter> letters = CommittedRecords.read(KAFKA, topics.deadLetters()).stream()
                .map(ConsumerRecord::value).map(EastSerdes.deadLetter()::deserialize).toList();
        assertThat(letters).extracting(letter -> letter.getSourcePartition() + "@" + letter.getSourceOffset())
                .containsExactlyInAnyOrderElementsOf(badAt.keySet());
        for (DeadLetter letter : letters) {
            BadPayload payload = badAt.get(letter.getSourcePartition() + "@" + letter.getSourceOffset());
            assertThat(letter.getSourceTopic()).as(payload.toString()).isEqualTo(topics.questions());
            assertThat(letter.getReason()).as(payload.toString())
                    .isEqualTo(payload.kind().decodes() ? "invalid" : "undecodable");
            if (payload.value() != null) {
                assertThat(payload.value()).as("%s: the letter keeps its bytes, or their start", payload)
                        .startsWith(bytes(letter.getValue()));
            }
        }
        Map<String, List<ReasoningSample>> samples = CommittedRecords.read(KAFKA, topics.samples()).stream()
                .map(ConsumerRecord::value).map(EastSerdes.reasoningSample()::deserialize)
                .collect(Collectors.groupingBy(ReasoningSample::getTaskId));
        assertThat(samples).containsOnlyKeys(good);
        assertThat(samples.values()).allSatisfy(set -> assertThat(set).hasSize(2));
    }

    private static String publish(KafkaProducer<byte[], byte[]> producer, GenerateTopics topics, String taskId)
            throws Exception {
        producer.send(new ProducerRecord<>(topics.questions(), taskId.getBytes(StandardCharsets.UTF_8),
                EastSerdes.questionTask().serialize(Tasks.task(taskId, "What is 2*3?", "6", 2)))).get();
        return taskId;
    }

    private static Map<String, Object> bigRecordProducer() {
        Map<String, Object> props = KAFKA.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, SIX_MIB);
        return props;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** Answers every prompt at once, whatever its length. */
    private static final class AnsweringBackend implements GenerationBackend {

        @Override
        public List<Generation> sample(String prompt, int n, SamplingParams params) {
            return Collections.nCopies(n, new Generation("Multiplying gives \\boxed{6}", 3, -0.5, 0));
        }

        @Override
        public long policyVersion() {
            return 0;
        }

        @Override
        public String generatorId() {
            return "answering";
        }
    }
}
