package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.east.core.TaskIds;
import io.east.producers.testing.GroupSummaries;
import io.east.schemas.GroupSummary;
import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuestionFeederIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final ExecutorService FEEDS = Executors.newCachedThreadPool();

    @AfterAll
    static void stopFeeds() throws InterruptedException {
        FEEDS.shutdownNow();
        FEEDS.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** The streams app's part, played by the test: a GroupSummary per task it decides is complete. */
    @AutoClose
    private final KafkaProducer<String, GroupSummary> groups = new KafkaProducer<>(
            Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()), new StringSerializer(),
            EastSerdes.groupSummary().serializer());

    @Test
    void publishesAtMostTheBoundUntilItsTasksCompleteThenOneMorePerCompletion() throws Exception {
        List<FeedQuestion> questions = questions(7, 4);
        String prefix = "synthetic/s7-";
        try (QuestionFeeder feeder = QuestionFeeder.connect(KAFKA.clientProps(), true);
             TopicReader<QuestionTask> tasks = tasksOf(prefix)) {
            CompletableFuture<FeedReport> feed = CompletableFuture.supplyAsync(
                    () -> feeder.feed("synthetic", questions, new FeedSettings(3, 2, 0, 3, false, null), c -> { }),
                    FEEDS);

            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> tasks.poll().size() == 3);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                    .until(() -> tasks.poll().size() == 3);

            complete(tasks.values().get(0).getTaskId());
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> tasks.poll().size() == 4);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                    .until(() -> tasks.poll().size() == 4);

            // From here on complete whatever is published, checking the bound every time.
            Set<String> completed = new HashSet<>(Set.of(tasks.values().get(0).getTaskId()));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                List<QuestionTask> seen = tasks.pollValues();
                assertThat(seen.size() - completed.size()).isLessThanOrEqualTo(3);
                for (QuestionTask task : seen) {
                    if (completed.add(task.getTaskId())) {
                        complete(task.getTaskId());
                    }
                }
                return feed.isDone() && seen.size() == 8;
            });

            FeedReport report = feed.get();
            assertThat(report.ok()).isTrue();
            assertThat(report.published()).isEqualTo(8);
            assertThat(tasks.values()).extracting(QuestionTask::getTaskId).containsExactlyInAnyOrder(
                    TaskIds.of("synthetic", "s7-train-0", 0), TaskIds.of("synthetic", "s7-train-1", 0),
                    TaskIds.of("synthetic", "s7-train-2", 0), TaskIds.of("synthetic", "s7-train-3", 0),
                    TaskIds.of("synthetic", "s7-train-0", 1), TaskIds.of("synthetic", "s7-train-1", 1),
                    TaskIds.of("synthetic", "s7-train-2", 1), TaskIds.of("synthetic", "s7-train-3", 1));
            assertThat(tasks.poll()).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(record.value().getTaskId());
                assertThat(record.value().getN()).isEqualTo(3);
                assertThat(record.value().getLevel()).isNotNull();
            });
        }
    }

    /**
     * The summaries of a previous run are already on east.groups for the very task ids this feed will publish; if
     * the feeder read them it would never wait. It starts at the end of the topic, so it stalls at its bound.
     */
    @Test
    void summariesFromBeforeTheFeedStartedDoNotCountAsCompletions() throws Exception {
        List<FeedQuestion> questions = questions(8, 4);
        for (FeedQuestion question : questions) {
            complete(TaskIds.of("synthetic", question.questionId(), 0));
        }
        groups.flush();
        try (QuestionFeeder feeder = QuestionFeeder.connect(KAFKA.clientProps(), true)) {
            FeedReport report = feeder.feed("synthetic", questions,
                    new FeedSettings(2, 1, 0, 2, false, Duration.ofSeconds(3)), c -> { });
            assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.STALLED);
            assertThat(report.published()).isEqualTo(2);
            assertThat(report.completed()).isZero();
        }
    }

    @Test
    void theLimitTakesTheFirstQuestionsAfterTheShuffle() throws Exception {
        QuestionSource source = new QuestionSource(DatasetSpec.parse("synthetic:9"), "test", 3L, 5);
        List<FeedQuestion> selected = source.load().questions();
        try (QuestionFeeder feeder = QuestionFeeder.connect(KAFKA.clientProps(), false);
             TopicReader<QuestionTask> tasks = tasksOf("synthetic/s9-")) {
            FeedReport report = feeder.feed("synthetic", selected, FeedSettings.unbounded(1), c -> { });
            assertThat(report.ok()).isTrue();
            assertThat(tasks.valuesUntil(5, Duration.ofSeconds(30))).extracting(QuestionTask::getQuestionId)
                    .containsExactlyInAnyOrderElementsOf(selected.stream().map(FeedQuestion::questionId).toList());
            assertThat(selected).extracting(FeedQuestion::questionId)
                    .isEqualTo(new QuestionSource(DatasetSpec.parse("synthetic:9"), "test", 3L, null).load()
                            .questions().subList(0, 5).stream().map(FeedQuestion::questionId).toList());
        }
    }

    private void complete(String taskId) {
        groups.send(new ProducerRecord<>(EastTopics.GROUPS.name(), taskId, GroupSummaries.completed(taskId)));
        groups.flush();
    }

    private static List<FeedQuestion> questions(long seed, int count) throws Exception {
        return new QuestionSource(DatasetSpec.parse("synthetic:" + seed), "train", null, count).load().questions();
    }

    private static TopicReader<QuestionTask> tasksOf(String prefix) {
        return new TopicReader<>(KAFKA, EastTopics.QUESTIONS.name(), EastSerdes.questionTask().deserializer(),
                record -> record.key().startsWith(prefix));
    }
}
