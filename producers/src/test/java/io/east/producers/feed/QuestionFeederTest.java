package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.TaskIds;
import io.east.producers.testing.FailingProducer;
import io.east.producers.testing.MutableClock;
import io.east.producers.testing.ScriptedCompletedTasks;
import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class QuestionFeederTest {

    private static final String TOPIC = "east.questions";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final List<FeedQuestion> QUESTIONS = IntStream.range(0, 5)
            .mapToObj(i -> new FeedQuestion("q" + i, "What is " + i + " + 1?", Integer.toString(i + 1),
                    i % 2 == 0 ? "1" : null))
            .toList();

    private final FailingProducer<QuestionTask> producer = new FailingProducer<>(EastSerdes.questionTask().serializer());
    private final MutableClock clock = new MutableClock(START);

    @Test
    void publishesEveryQuestionOncePerRoundKeyedByItsTaskId() {
        List<Long> progress = new ArrayList<>();
        QuestionFeeder feeder = new QuestionFeeder(producer, null, TOPIC, clock);

        FeedReport report = feeder.feed("gsm8k", QUESTIONS, new FeedSettings(4, 2, 0, 0, false, null), progress::add);

        assertThat(report.ok()).isTrue();
        assertThat(report.published()).isEqualTo(10);
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        List<String> expectedKeys = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (FeedQuestion question : QUESTIONS) {
                expectedKeys.add(TaskIds.of("gsm8k", question.questionId(), round));
            }
        }
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactlyElementsOf(expectedKeys);
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.value().getTaskId()).isEqualTo(record.key());
        });
        QuestionTask task = producer.history().get(7).value();
        assertThat(task.getQuestionId()).isEqualTo("q2");
        assertThat(task.getRound()).isEqualTo(1);
        assertThat(task.getDataset()).isEqualTo("gsm8k");
        assertThat(task.getQuestion()).isEqualTo("What is 2 + 1?");
        assertThat(task.getGoldAnswer()).isEqualTo("3");
        assertThat(task.getN()).isEqualTo(4);
        assertThat(task.getLevel()).isEqualTo("1");
        assertThat(task.getCreatedAt()).isEqualTo(START);
        assertThat(producer.history().get(1).value().getLevel()).isNull();
    }

    @Test
    void theFirstRoundCanBeNumberedToContinueAnEarlierFeed() {
        new QuestionFeeder(producer, null, TOPIC, clock)
                .feed("math", QUESTIONS.subList(0, 1), new FeedSettings(1, 2, 3, 0, false, null), count -> { });
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("math/q0@r3", "math/q0@r4");
    }

    @Test
    void neverHasMoreThanTheBoundInFlightAndPublishesOneMoreForEachCompletion() {
        AtomicInteger historyAtStart = new AtomicInteger(-1);
        List<String> completed = new ArrayList<>();
        AtomicInteger mostInFlight = new AtomicInteger();
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(
                () -> historyAtStart.set(producer.history().size()),
                () -> {
                    List<String> published = producer.history().stream().map(ProducerRecord::key).toList();
                    mostInFlight.accumulateAndGet(published.size() - completed.size(), Math::max);
                    String oldest = published.get(completed.size());
                    completed.add(oldest);
                    return List.of(oldest);
                });
        QuestionFeeder feeder = new QuestionFeeder(producer, completions, TOPIC, clock);

        FeedReport report = feeder.feed("gsm8k", QUESTIONS, new FeedSettings(2, 2, 0, 3, false, null), count -> { });

        assertThat(report.ok()).isTrue();
        assertThat(historyAtStart).as("positioned before the first task").hasValue(0);
        assertThat(mostInFlight).hasValue(3);
        assertThat(completions.polls()).as("one poll per task beyond the bound").isEqualTo(10 - 3);
        assertThat(report.published()).isEqualTo(10);
        assertThat(report.completed()).isEqualTo(7);
        assertThat(report.inFlight()).isEqualTo(3);
    }

    @Test
    void completionsOfOtherTasksAndRepeatsOpenNoSlot() {
        String first = TaskIds.of("gsm8k", "q0", 0);
        List<Integer> publishedAtPoll = new ArrayList<>();
        List<List<String>> script = new ArrayList<>(List.of(List.of("gsm8k/elsewhere@r0"), List.of(first, first)));
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(() -> { }, () -> {
            publishedAtPoll.add(producer.history().size());
            return script.remove(0);
        });

        FeedReport report = new QuestionFeeder(producer, completions, TOPIC, clock).feed("gsm8k",
                QUESTIONS.subList(0, 3), new FeedSettings(1, 1, 0, 2, false, null), count -> { });

        assertThat(publishedAtPoll).containsExactly(2, 2);
        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.FINISHED);
        assertThat(report.published()).isEqualTo(3);
        assertThat(report.completed()).isEqualTo(1);
    }

    @Test
    void stallsWhenNoTaskCompletesWithinTheStallTimeout() {
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(() -> { }, () -> {
            clock.advance(Duration.ofSeconds(1));
            return List.of();
        });
        QuestionFeeder feeder = new QuestionFeeder(producer, completions, TOPIC, clock);

        FeedReport report = feeder.feed("gsm8k", QUESTIONS, new FeedSettings(1, 1, 0, 2, false, Duration.ofSeconds(5)),
                count -> { });

        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.STALLED);
        assertThat(report.ok()).isFalse();
        assertThat(report.published()).isEqualTo(2);
        assertThat(report.inFlight()).isEqualTo(2);
        assertThat(completions.polls()).isBetween(5, 7);
    }

    @Test
    void stopEndsTheFeedAtTheNextPoll() {
        QuestionFeeder[] feeder = new QuestionFeeder[1];
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(() -> { }, () -> {
            feeder[0].stop();
            return List.of();
        });
        feeder[0] = new QuestionFeeder(producer, completions, TOPIC, clock);
        FeedReport report = feeder[0].feed("gsm8k", QUESTIONS, new FeedSettings(1, 1, 0, 1, false, null), c -> { });
        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.STOPPED);
        assertThat(report.published()).isEqualTo(1);
    }

    @Test
    void waitingForCompletionReturnsOnceEveryTaskCompleted() {
        Set<String> done = new HashSet<>();
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(() -> { }, () -> {
            List<String> now = producer.history().stream().map(ProducerRecord::key).filter(done::add).toList();
            return now;
        });
        FeedReport report = new QuestionFeeder(producer, completions, TOPIC, clock)
                .feed("gsm8k", QUESTIONS, new FeedSettings(1, 2, 0, 0, true, null), c -> { });
        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.FINISHED);
        assertThat(report.completed()).isEqualTo(10);
        assertThat(report.inFlight()).isZero();
        assertThat(completions.polls()).isEqualTo(1);
    }

    @Test
    void aTaskThatCannotBeSentIsReportedFreesItsSlotAndTheFeedGoesOn() {
        String tooLarge = TaskIds.of("gsm8k", "q1", 0);
        producer.failKey(tooLarge, new RecordTooLargeException("too large"));
        List<String> completed = new ArrayList<>();
        ScriptedCompletedTasks completions = new ScriptedCompletedTasks(() -> { }, () -> {
            String next = producer.history().stream().map(ProducerRecord::key)
                    .filter(key -> !completed.contains(key)).findFirst().orElseThrow();
            completed.add(next);
            return List.of(next);
        });

        FeedReport report = new QuestionFeeder(producer, completions, TOPIC, clock)
                .feed("gsm8k", QUESTIONS, new FeedSettings(1, 1, 0, 2, false, null), c -> { });

        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.FINISHED);
        assertThat(report.ok()).isFalse();
        assertThat(report.published()).isEqualTo(4);
        assertThat(report.failed()).singleElement().asString()
                .startsWith(tooLarge + ": org.apache.kafka.common.errors.RecordTooLargeException: too large");
    }

    @Test
    void aSendFailureThatWouldRepeatStopsTheFeed() {
        producer.failKey(TaskIds.of("gsm8k", "q1", 0), new TimeoutException("no metadata after 60000 ms"));
        FeedReport report = new QuestionFeeder(producer, null, TOPIC, clock)
                .feed("gsm8k", QUESTIONS, FeedSettings.unbounded(1), c -> { });
        assertThat(report.outcome()).isEqualTo(FeedReport.Outcome.ABORTED);
        assertThat(report.published()).isEqualTo(1);
        assertThat(report.failed()).hasSize(1);
    }

    @Test
    void trackingCompletionsNeedsASource() {
        QuestionFeeder feeder = new QuestionFeeder(producer, null, TOPIC, clock);
        assertThatThrownBy(() -> feeder.feed("gsm8k", QUESTIONS, new FeedSettings(1, 1, 0, 2, false, null), c -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new FeedSettings(0, 1, 0, 0, false, null)).hasMessageContaining("--n");
        assertThatThrownBy(() -> new FeedSettings(1, 0, 0, 0, false, null)).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> new FeedSettings(1, 1, -1, 0, false, null)).hasMessageContaining("--start-round");
        assertThatThrownBy(() -> new FeedSettings(1, 2, Integer.MAX_VALUE, 0, false, null))
                .hasMessageContaining("--start-round");
        assertThatThrownBy(() -> new FeedSettings(1, 1, 0, 0, false, Duration.ZERO))
                .hasMessageContaining("--stall-timeout");
        assertThat(new FeedSettings(1, 1, 0, 0, true, null).tracksCompletions()).isTrue();
        assertThat(FeedSettings.unbounded(1).tracksCompletions()).isFalse();
    }
}
