package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.east.schemas.AnswerCluster;
import io.east.schemas.GroupSummary;
import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Path SHARED_DATA = Path.of(System.getProperty("east.root", "."), "..", "shared", "data")
            .normalize();

    @TempDir
    Path dir;

    @Test
    void feedsEveryRoundOfTheGoodQuestionsAndReportsTheBadLineWithFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("train.jsonl"), String.join("\n",
                "{\"question\": \"Tom has 3 apples and buys 4. How many?\", \"answer\": \"3+4=7\\n#### 7\"}",
                "{\"question\": \"How many pens?\", \"answer\": \"#### 1,200\"}",
                "{\"question\": \"No answer line\", \"answer\": \"it is 5\"}",
                "{\"question\": \"Not asked: beyond the limit\", \"answer\": \"#### 1\"}") + "\n");

        CliRunner.Result result = CliRunner.run("feed", "--dataset", "gsm8k:" + file, "--n", "4", "--rounds", "2",
                "--limit", "2", "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).contains(file + ":3: field 'answer' has no '#### N' final answer line")
                .contains("feed finished").contains("tasks_published=\"4\"").contains("malformed=\"1\"");
        try (TopicReader<QuestionTask> tasks = tasksWhere(task -> task.getDataset().equals("gsm8k")
                && task.getQuestionId().startsWith("train-"))) {
            tasks.readUntil(4, Duration.ofSeconds(30));
            assertThat(tasks.pollValues()).extracting(QuestionTask::getTaskId).containsExactlyInAnyOrder(
                    "gsm8k/train-1@r0", "gsm8k/train-2@r0", "gsm8k/train-1@r1", "gsm8k/train-2@r1");
            QuestionTask pens = tasks.pollValues().stream().filter(t -> t.getTaskId().equals("gsm8k/train-2@r1"))
                    .findFirst().orElseThrow();
            assertThat(pens.getGoldAnswer()).isEqualTo("1200");
            assertThat(pens.getN()).isEqualTo(4);
            assertThat(pens.getQuestion()).isEqualTo("How many pens?");
            assertThat(pens.getLevel()).isNull();
        }
    }

    @Test
    void waitsForItsTasksToCompleteBeforePublishingMoreThanMaxInFlight() throws Exception {
        CompletableFuture<CliRunner.Result> feed = CompletableFuture.supplyAsync(() -> run("feed",
                "--dataset", "synthetic:31", "--split", "test", "--n", "2", "--limit", "5", "--shuffle", "4",
                "--max-in-flight", "2", "--stall-timeout", "60s", "--bootstrap", KAFKA.bootstrapServers()));
        try (TopicReader<QuestionTask> tasks = tasksWhere(task -> task.getTaskId().startsWith("synthetic/s31-test-"));
             KafkaProducer<String, GroupSummary> groups = groupsProducer()) {
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> tasks.poll().size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                    .until(() -> tasks.poll().size() == 2 && !feed.isDone());

            Set<String> completed = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                List<QuestionTask> seen = tasks.pollValues();
                assertThat(seen.size() - completed.size()).isLessThanOrEqualTo(2);
                for (QuestionTask task : seen) {
                    if (completed.add(task.getTaskId())) {
                        groups.send(new ProducerRecord<>(EastTopics.GROUPS.name(), task.getTaskId(),
                                summary(task.getTaskId())));
                    }
                }
                groups.flush();
                return feed.isDone();
            });

            CliRunner.Result result = feed.get();
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stderr()).contains("tasks_published=\"5\"");
            assertThat(tasks.pollValues()).hasSize(5).allSatisfy(task -> {
                assertThat(task.getLevel()).isIn("1", "2", "3", "4");
                assertThat(task.getGoldAnswer()).matches("\\d+");
            });
        }
    }

    @Test
    void readsASplitOfTheSharedGsm8kDirectory() throws Exception {
        assumeTrue(Files.isRegularFile(SHARED_DATA.resolve("gsm8k/test.jsonl")),
                "skipped: the shared datasets are not at " + SHARED_DATA);
        CliRunner.Result result = CliRunner.run("feed", "--dataset", "gsm8k:" + SHARED_DATA.resolve("gsm8k"),
                "--split", "test", "--limit", "3", "--n", "8", "--start-round", "5",
                "--bootstrap", KAFKA.bootstrapServers());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        try (TopicReader<QuestionTask> tasks = tasksWhere(task -> task.getQuestionId().startsWith("test-"))) {
            tasks.readUntil(3, Duration.ofSeconds(30));
            assertThat(tasks.pollValues()).extracting(QuestionTask::getTaskId)
                    .containsExactlyInAnyOrder("gsm8k/test-1@r5", "gsm8k/test-2@r5", "gsm8k/test-3@r5");
        }
    }

    @Test
    void badUsageExitsTwoWithOneLine() throws Exception {
        String bootstrap = KAFKA.bootstrapServers();
        assertThat(CliRunner.badUsage("feed", "--dataset", "gsm9k:x", "--n", "2", "--bootstrap", bootstrap))
                .contains("expected gsm8k:PATH, math:PATH or synthetic[:SEED], got 'gsm9k:x'");
        assertThat(CliRunner.badUsage("feed", "--dataset", "math:" + dir.resolve("none.jsonl"), "--n", "2",
                "--bootstrap", bootstrap)).contains("math: no such file: " + dir.resolve("none.jsonl"));
        assertThat(CliRunner.badUsage("feed", "--dataset", "synthetic", "--n", "0", "--bootstrap", bootstrap))
                .contains("--n must be in [1, 100000], got 0");
        assertThat(CliRunner.badUsage("feed", "--dataset", "synthetic", "--n", "2", "--max-in-flight", "0",
                "--bootstrap", bootstrap)).contains("--max-in-flight must be >= 1, got 0");
        assertThat(CliRunner.badUsage("feed", "--dataset", "synthetic", "--n", "2", "--split", "dev",
                "--bootstrap", bootstrap)).contains("--split of the synthetic dataset must be train or test");
        Path file = Files.writeString(dir.resolve("q.jsonl"), "{\"question\": \"q\", \"answer\": \"#### 1\"}\n");
        assertThat(CliRunner.badUsage("feed", "--dataset", "gsm8k:" + file, "--split", "test", "--n", "2",
                "--bootstrap", bootstrap)).contains("is a file");
    }

    private static CliRunner.Result run(String... args) {
        try {
            return CliRunner.run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, GroupSummary> groupsProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new StringSerializer(), EastSerdes.groupSummary().serializer());
    }

    /** Enough of what the streams app publishes when a task completes. */
    private static GroupSummary summary(String taskId) {
        return GroupSummary.newBuilder().setTaskId(taskId).setQuestionId("q").setDataset("synthetic").setRound(0)
                .setNExpected(2).setNReceived(2)
                .setClusters(List.of(AnswerCluster.newBuilder().setAnswer("1").setCount(2).setCorrect(true).build()))
                .setEntropy(0).setAccuracy(1).setRejectedShare(0).setKept(false).setDiscardReason("all_correct")
                .setPolicyVersions(List.of(0L)).setClustering("exact").setCompletedBy("count")
                .setCreatedAt(Instant.now()).build();
    }

    /** Reads east.questions from the beginning, keeping the tasks a test cares about. */
    private static TopicReader<QuestionTask> tasksWhere(Predicate<QuestionTask> filter) {
        return new TopicReader<>(KAFKA, EastTopics.QUESTIONS.name(), EastSerdes.questionTask().deserializer(),
                record -> filter.test(record.value()));
    }
}
