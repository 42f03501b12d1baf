package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.producers.generate.openai.FakeOpenAiServer.Fault;
import io.east.producers.generate.openai.FakeOpenAiServer;
import io.east.producers.generate.openai.OpenAiBackend;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import io.east.schemas.DeadLetter;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker on a real broker against a real HTTP server speaking the OpenAI protocol. */
class GeneratorWorkerIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @AutoClose
    private FakeOpenAiServer server;
    @AutoClose
    private OpenAiBackend backend;
    private GenerateTopics topics;
    private WorkerSettings settings;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        topics = TestTopics.create(KAFKA, name, 3);
        settings = TestTopics.worker(name, topics);
        server = FakeOpenAiServer.start().respond(FakeAnswers::answer);
        backend = new OpenAiBackend(OpenAiSettings.builder(server.baseUrl(), "fake-math")
                .retry(new RetryPolicy(1, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1)))
                .requestTimeout(Duration.ofSeconds(20)).build());
    }

    @Test
    void everyTaskBecomesExactlyNGradedSamples() throws Exception {
        // The server caps n, so the larger sets need follow-up requests.
        server.capChoices(3);
        List<QuestionTask> tasks = List.of(
                Tasks.task("half", "What is half of one? " + FakeAnswers.HALF, "0.5", 4),
                Tasks.task("wrong", "How many grams in a kilogram? " + FakeAnswers.THOUSAND, "999", 2),
                Tasks.task("mixed", "What is 2*3? " + FakeAnswers.MIXED, "6", 5),
                Tasks.task("none", "Say nothing. " + FakeAnswers.NO_ANSWER, "1", 1));
        Tasks.publishAll(KAFKA, topics.questions(), tasks);

        assertThat(runUntilCaughtUp()).satisfies(stats -> {
            assertThat(stats.tasks()).isEqualTo(4);
            assertThat(stats.samples()).isEqualTo(12);
            assertThat(stats.deadLetters()).isZero();
        });

        Map<String, List<ReasoningSample>> byTask = samplesByTask();
        assertThat(byTask.keySet()).containsExactlyInAnyOrder("half", "wrong", "mixed", "none");
        byTask.forEach((taskId, samples) -> assertThat(samples).extracting(ReasoningSample::getSampleIndex)
                .as(taskId).containsExactlyElementsOf(IntStream.range(0, samples.get(0).getN()).boxed().toList()));
        assertThat(byTask.get("half")).hasSize(4).allSatisfy(s -> {
            assertThat(s.getPredictedAnswer()).isEqualTo("\\frac{1}{2}");
            assertThat(s.getCorrect()).isTrue();
            assertThat(s.getContainsBoxed()).isTrue();
        });
        assertThat(byTask.get("wrong")).hasSize(2).allSatisfy(s -> {
            assertThat(s.getPredictedAnswer()).isEqualTo("1000");
            assertThat(s.getCorrect()).isFalse();
            assertThat(s.getContainsBoxed()).isFalse();
        });
        assertThat(byTask.get("mixed")).hasSize(5).extracting(ReasoningSample::getCorrect).contains(true, false);
        assertThat(byTask.get("none")).singleElement().satisfies(s -> {
            assertThat(s.getPredictedAnswer()).isNull();
            assertThat(s.getCorrect()).isFalse();
        });
        ReasoningSample sample = byTask.get("half").get(0);
        assertThat(sample.getQuestionId()).isEqualTo("q-half");
        assertThat(sample.getDataset()).isEqualTo("synthetic");
        assertThat(sample.getRound()).isEqualTo(2);
        assertThat(sample.getGoldAnswer()).isEqualTo("0.5");
        assertThat(sample.getQuestion()).startsWith("What is half of one?");
        assertThat(sample.getResponse()).contains("\\boxed{\\dfrac12}");
        assertThat(sample.getGenerator()).isEqualTo("openai:fake-math");
        assertThat(sample.getPolicyVersion()).isZero();
        assertThat(sample.getMeanLogprob()).isEqualTo(FakeOpenAiServer.TOKEN_LOGPROB);
        assertThat(sample.getTokenCount()).isEqualTo(sample.getResponse().trim().split("\\s+").length);
        assertThat(sample.getCreatedAt()).isNotNull();
        assertThat(server.requests()).allSatisfy(r ->
                assertThat(r.prompt()).startsWith("Question: ").endsWith("\nAnswer: Let's think step by step."));
    }

    @Test
    void undecodableAndInvalidTasksGoToTheDeadLetterTopic() throws Exception {
        QuestionTask noN = Tasks.task("no-n", "What is 2*3?", "6", 0);
        QuestionTask noId = Tasks.task("", "What is 2*3?", "6", 1);
        QuestionTask fine = Tasks.task("fine", "What is 2*3?", "6", 2);
        List<RecordMetadata> sent = publish(
                List.of("not avro".getBytes(StandardCharsets.UTF_8), EastSerdes.questionTask().serialize(noN),
                        EastSerdes.questionTask().serialize(noId), EastSerdes.questionTask().serialize(fine)),
                List.of("junk", "no-n", "no-id", "fine"));

        assertThat(runUntilCaughtUp().deadLetters()).isEqualTo(3);

        Map<String, DeadLetter> letters = deadLetters().stream()
                .collect(Collectors.toMap(d -> new String(bytes(d.getKey()), StandardCharsets.UTF_8), d -> d));
        assertThat(letters).containsOnlyKeys("junk", "no-n", "no-id");
        assertThat(letters.get("junk").getReason()).isEqualTo("undecodable");
        assertThat(letters.get("no-n").getReason()).isEqualTo("invalid");
        assertThat(letters.get("no-n").getDetail()).isEqualTo("n must be in [1, 4096], got 0");
        assertThat(letters.get("no-id").getDetail()).isEqualTo("task_id is empty");
        assertThat(letters.get("no-id").getComponent()).isEqualTo("generate:" + settings.workerId());
        for (int i = 0; i < 3; i++) {
            DeadLetter letter = letters.get(List.of("junk", "no-n", "no-id").get(i));
            assertThat(letter.getSourceTopic()).isEqualTo(topics.questions());
            assertThat(letter.getSourcePartition()).isEqualTo(sent.get(i).partition());
            assertThat(letter.getSourceOffset()).isEqualTo(sent.get(i).offset());
        }
        assertThat(EastSerdes.questionTask().deserialize(bytes(letters.get("no-n").getValue()))).isEqualTo(noN);
        assertThat(samplesByTask()).containsOnlyKeys("fine");
        assertThat(samplesByTask().get("fine")).hasSize(2);
    }

    @Test
    void aTaskTheServerKeepsFailingIsDeadLetteredAndTheOthersComplete() throws Exception {
        server.failPrompts(prompt -> prompt.contains("poison"), new Fault.Status(500, null));
        List<QuestionTask> tasks = List.of(Tasks.task("poison", "A poison question?", "1", 2),
                Tasks.task("ok-1", "What is 2*3?", "6", 2), Tasks.task("ok-2", "What is 3*2?", "6", 3));
        Tasks.publishAll(KAFKA, topics.questions(), tasks);

        runUntilCaughtUp();

        assertThat(samplesByTask()).containsOnlyKeys("ok-1", "ok-2");
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo("generation_failed");
            assertThat(letter.getDetail()).contains("POST " + server.baseUrl() + "/v1/completions")
                    .contains("after 2 attempts").contains("HTTP 500");
        });
    }

    @Test
    void aSampleTooLargeForOneRecordDeadLettersItsTaskInsteadOfFailingEveryRetry() throws Exception {
        List<QuestionTask> tasks = List.of(Tasks.task("huge", "What is 2*3? " + FakeAnswers.HUGE, "6", 1),
                Tasks.task("ok", "What is 3*2?", "6", 2));
        Tasks.publishAll(KAFKA, topics.questions(), tasks);

        runUntilCaughtUp();

        assertThat(samplesByTask()).containsOnlyKeys("ok");
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo("generation_failed");
            assertThat(letter.getDetail()).contains("sample 0 is").contains("--max-new-tokens");
        });
    }

    @Test
    void workersJoiningAndLeavingMidBatchNeverDuplicateOrSplitASampleSet() throws Exception {
        // Slow enough that batches are in flight when the group changes.
        server.failPrompts(prompt -> true, new Fault.StallBeforeHeaders(Duration.ofMillis(200)));
        List<QuestionTask> tasks = IntStream.range(0, 30)
                .mapToObj(i -> Tasks.task("t" + i, "What is 2*3? #" + i, "6", 1 + i % 3)).toList();
        WorkerStats firstStats;
        WorkerStats secondStats;
        try (RunningWorker first = RunningWorker.start(KAFKA.clientProps(), settings, backend);
             RunningWorker second = startWhenFirstOwnsEverything(first)) {
            await().atMost(PATIENCE).until(() -> !second.assigned().isEmpty() && first.assigned().size() < 3);
            Tasks.publishAll(KAFKA, topics.questions(), tasks);
            await().atMost(PATIENCE).until(() -> first.stats().tasks() > 0 && second.stats().tasks() > 0);
            // Leaving mid-batch: the first worker's in-flight batch is abandoned and redone by the second.
            firstStats = first.stop();
            await().atMost(PATIENCE).until(() -> CommittedRecords.groupCaughtUp(KAFKA, settings.groupId(),
                    topics.questions()));
            secondStats = second.stop();
        }

        Map<String, List<ReasoningSample>> byTask = samplesByTask();
        assertThat(byTask).hasSize(30);
        for (QuestionTask task : tasks) {
            assertThat(byTask.get(task.getTaskId())).extracting(ReasoningSample::getSampleIndex)
                    .as(task.getTaskId())
                    .containsExactlyElementsOf(IntStream.range(0, task.getN()).boxed().toList());
        }
        assertThat(firstStats.tasks() + secondStats.tasks()).isEqualTo(30);
    }

    /** Runs one worker until its group has committed every question, then stops it. */
    private WorkerStats runUntilCaughtUp() throws Exception {
        try (RunningWorker worker = RunningWorker.start(KAFKA.clientProps(), settings, backend)) {
            await().atMost(PATIENCE).until(() -> CommittedRecords.groupCaughtUp(KAFKA, settings.groupId(),
                    topics.questions()));
            return worker.stop();
        }
    }

    private RunningWorker startWhenFirstOwnsEverything(RunningWorker first) {
        await().atMost(PATIENCE).until(() -> first.assigned().size() == 3);
        return RunningWorker.start(KAFKA.clientProps(), settings.withWorkerId("second"), backend);
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private List<RecordMetadata> publish(List<byte[]> values, List<String> keys) throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KAFKA.producerProps())) {
            for (int i = 0; i < values.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topics.questions(),
                        keys.get(i).getBytes(StandardCharsets.UTF_8), values.get(i))).get());
            }
        }
        return sent;
    }

    private Map<String, List<ReasoningSample>> samplesByTask() {
        return CommittedRecords.samplesByTask(KAFKA, topics.samples());
    }

    private List<DeadLetter> deadLetters() {
        return CommittedRecords.read(KAFKA, topics.deadLetters()).stream()
                .map(ConsumerRecord::value)
                .map(EastSerdes.deadLetter()::deserialize)
                .toList();
    }
}
