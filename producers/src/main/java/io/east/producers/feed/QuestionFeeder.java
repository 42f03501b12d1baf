package io.east.producers.feed;

import io.east.schemas.topics.ClientConfigs;
import io.east.producers.kafka.SendTracker;
import io.east.schemas.QuestionTask;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes question tasks to east.questions, keyed by task id, round after round. With a bound on the tasks in
 * flight it waits for GroupSummaries of its own tasks before publishing more, so generators are never flooded and
 * later rounds are asked of a model that has trained on the earlier ones.
 */
public final class QuestionFeeder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionFeeder.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LOG_WAITING_EVERY = Duration.ofSeconds(30);

    private final Producer<String, QuestionTask> producer;
    private final CompletedTaskSource completions;
    private final String topic;
    private final Clock clock;
    private volatile boolean stopped;

    /** @param completions null when no feed of this feeder tracks completions */
    public QuestionFeeder(Producer<String, QuestionTask> producer, CompletedTaskSource completions, String topic,
            Clock clock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.completions = completions;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A feeder with its own idempotent producer on east.questions and, when asked, a reader of east.groups. */
    public static QuestionFeeder connect(Map<String, Object> clientProperties, boolean trackCompletions) {
        KafkaProducer<String, QuestionTask> producer = new KafkaProducer<>(
                ClientConfigs.idempotentProducer(clientProperties, "east-feed"), new StringSerializer(),
                EastSerdes.questionTask().serializer());
        try {
            CompletedTaskSource completions =
                    trackCompletions ? CompletedTasksFromGroups.connect(clientProperties) : null;
            return new QuestionFeeder(producer, completions, EastTopics.QUESTIONS.name(), Clock.systemUTC());
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /** Ends a running feed at the next task or poll; safe from any thread (e.g. a shutdown hook). */
    public void stop() {
        stopped = true;
    }

    /**
     * Publishes every question once per round, in order.
     *
     * @param dataset the dataset name of the tasks and of their ids
     * @param onPublished called with the running count of tasks sent, for progress
     */
    public FeedReport feed(String dataset, List<FeedQuestion> questions, FeedSettings settings,
            LongConsumer onPublished) {
        if (settings.tracksCompletions()) {
            if (completions == null) {
                throw new IllegalStateException("this feeder was made without a completion source");
            }
            // Before the first task is published: see CompletedTaskSource.start.
            completions.start();
        }
        InFlightTasks inFlight = new InFlightTasks();
        SendTracker<String> tracker = new SendTracker<>();
        FeedReport.Outcome outcome = publishAll(dataset, questions, settings, inFlight, tracker, onPublished);
        producer.flush();
        if (outcome == FeedReport.Outcome.FINISHED && tracker.fatal().isPresent()) {
            outcome = FeedReport.Outcome.ABORTED;
        }
        if (outcome == FeedReport.Outcome.FINISHED && settings.awaitCompletion()) {
            outcome = awaitBelow(1, inFlight, settings);
        }
        List<String> failed = tracker.failures().stream()
                .map(failure -> failure.context() + ": " + failure.error()).toList();
        return new FeedReport(tracker.acknowledged(), failed, inFlight.completedCount(), inFlight.size(), outcome);
    }

    private FeedReport.Outcome publishAll(String dataset, List<FeedQuestion> questions, FeedSettings settings,
            InFlightTasks inFlight, SendTracker<String> tracker, LongConsumer onPublished) {
        long sent = 0;
        for (int round = settings.startRound(); round < settings.startRound() + settings.rounds(); round++) {
            LOG.atInfo().addKeyValue("dataset", dataset).addKeyValue("round", round)
                    .addKeyValue("questions", questions.size()).log("round started");
            for (FeedQuestion question : questions) {
                if (settings.maxInFlight() > 0) {
                    FeedReport.Outcome waited = awaitBelow(settings.maxInFlight(), inFlight, settings);
                    if (waited != FeedReport.Outcome.FINISHED) {
                        return waited;
                    }
                }
                if (stopped) {
                    return FeedReport.Outcome.STOPPED;
                }
                if (tracker.fatal().isPresent()) {
                    LOG.atError().log("stopping the feed: a send failed: {}", tracker.fatal().get().toString());
                    return FeedReport.Outcome.ABORTED;
                }
                QuestionTask task = question.task(dataset, round, settings.n(), clock.instant());
                inFlight.published(task.getTaskId());
                send(task, inFlight, tracker);
                onPublished.accept(++sent);
            }
        }
        return FeedReport.Outcome.FINISHED;
    }

    private void send(QuestionTask task, InFlightTasks inFlight, SendTracker<String> tracker) {
        String taskId = task.getTaskId();
        try {
            producer.send(new ProducerRecord<>(topic, taskId, task), tracker.callback(taskId, inFlight::sendFailed));
        } catch (KafkaException e) {
            inFlight.sendFailed(taskId);
            tracker.failedSynchronously(taskId, e);
        }
    }

    /** Polls completions until fewer than {@code bound} tasks are in flight, or the feed stops or stalls. */
    private FeedReport.Outcome awaitBelow(int bound, InFlightTasks inFlight, FeedSettings settings) {
        Instant lastCompletion = clock.instant();
        Instant lastLog = lastCompletion;
        while (inFlight.size() >= bound) {
            if (stopped) {
                return FeedReport.Outcome.STOPPED;
            }
            Instant now = clock.instant();
            if (inFlight.completed(completions.poll(POLL)) > 0) {
                lastCompletion = now;
            } else if (settings.stallTimeout() != null
                    && Duration.between(lastCompletion, now).compareTo(settings.stallTimeout()) > 0) {
                LOG.atWarn().addKeyValue("in_flight", inFlight.size())
                        .addKeyValue("stall_timeout", settings.stallTimeout())
                        .log("no task completed within the stall timeout; is the streams app running?");
                return FeedReport.Outcome.STALLED;
            }
            if (Duration.between(lastLog, now).compareTo(LOG_WAITING_EVERY) > 0) {
                lastLog = now;
                LOG.atInfo().addKeyValue("in_flight", inFlight.size()).addKeyValue("completed",
                        inFlight.completedCount()).log("waiting for tasks to complete");
            }
        }
        return FeedReport.Outcome.FINISHED;
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            if (completions != null) {
                completions.close();
            }
        }
    }
}
