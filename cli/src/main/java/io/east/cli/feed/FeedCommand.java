package io.east.cli.feed;

import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.Progress;
import io.east.cli.common.QuestionSourceOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.Usage;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.FeedReport;
import io.east.producers.feed.FeedSettings;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.feed.QuestionFeeder;
import io.east.producers.feed.QuestionSource;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes question tasks to east.questions. */
@Command(name = "feed", mixinStandardHelpOptions = true, sortOptions = false)
public final class FeedCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Mixin private QuestionSourceOptions questions;
    @Option(names = "--n", paramLabel = "N", required = true) private int n;
    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1") private int rounds;
    @Option(names = "--start-round", paramLabel = "S", defaultValue = "0") private int startRound;
    @Option(names = "--shuffle", paramLabel = "SEED") private Long shuffle;
    @Option(names = "--max-in-flight", paramLabel = "T") private Integer maxInFlight;
    @Option(names = "--wait") private boolean await;
    @Option(names = "--stall-timeout", paramLabel = "D") private String stallTimeout;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        if (maxInFlight != null) {
            Usage.atLeast(maxInFlight, 1, "--max-in-flight");
        }
        Duration stall = stallTimeout == null ? null : Durations.parse(stallTimeout, "--stall-timeout");
        DatasetSpec spec = questions.spec();
        QuestionSource source = questions.source(spec, shuffle);
        FeedSettings settings = Usage.check(() -> new FeedSettings(n, rounds, startRound,
                maxInFlight == null ? 0 : maxInFlight, await, stall), "");

        LoadedQuestions loaded = source.load();
        loaded.errors().forEach(error -> LOG.error("{}", error));
        FeedReport report = feed(spec, loaded, settings);

        report.failed().forEach(failure -> LOG.error("not published: {}", failure));
        if (report.outcome() != FeedReport.Outcome.FINISHED) {
            LOG.error("the feed ended early ({}): {} of {} tasks published", report.outcome(), report.published(),
                    (long) loaded.questions().size() * rounds);
        }
        LoggingEventBuilder summary = LOG.atInfo()
                .addKeyValue("dataset", spec)
                .addKeyValue("lines", loaded.lines())
                .addKeyValue("malformed", loaded.errors().size())
                .addKeyValue("questions", loaded.questions().size())
                .addKeyValue("rounds", rounds)
                .addKeyValue("tasks_published", report.published())
                .addKeyValue("tasks_failed", report.failed().size());
        if (settings.tracksCompletions()) {
            // Without a bound or --wait the feed does not read east.groups and knows nothing of completions.
            summary = summary.addKeyValue("completed", report.completed()).addKeyValue("in_flight", report.inFlight());
        }
        summary.addKeyValue("outcome", report.outcome()).log("feed finished");
        return report.ok() && loaded.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private FeedReport feed(DatasetSpec spec, LoadedQuestions loaded, FeedSettings settings) {
        CountDownLatch finished = new CountDownLatch(1);
        try (QuestionFeeder feeder = QuestionFeeder.connect(kafka.clientProperties(), settings.tracksCompletions());
             Progress progress = Progress.start("feeding " + spec.name(), "tasks",
                     (long) loaded.questions().size() * settings.rounds())) {
            // Ctrl-C ends the feed between two tasks and lets the producer flush what it has accepted.
            try (StopOnSignal hook = StopOnSignal.install("east-feed-shutdown", feeder::stop,
                    grace -> finished.await(grace.toMillis(), TimeUnit.MILLISECONDS), SHUTDOWN_GRACE)) {
                try {
                    return feeder.feed(spec.name(), loaded.questions(), settings, progress::stepTo);
                } finally {
                    finished.countDown();
                }
            }
        }
    }
}
