package io.east.dashboard;

import io.east.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dashboard: the consumer that follows the topics, the state it fills, and the HTTP server that shows it.
 * Start it with {@link #start}, stop it with {@link #close}.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final DashboardState state;
    private final ProcessMetrics metrics;
    private final TopicFollower follower;
    private final DashboardServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Dashboard(DashboardState state, ProcessMetrics metrics, TopicFollower follower, DashboardServer server) {
        this.state = state;
        this.metrics = metrics;
        this.follower = follower;
        this.server = server;
    }

    /**
     * Binds the port, then starts reading: a port that is taken fails here, before anything else runs.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static Dashboard start(DashboardSettings settings) {
        FollowedTopics topics = new FollowedTopics(settings.experiments());
        DashboardState state = new DashboardState(topics.experimentsShown(), settings.history(), settings.groups());
        ProcessMetrics metrics = ProcessMetrics.create("dashboard");
        EventStream events = new EventStream();
        state.subscribe(events);
        TopicFollower follower = null;
        DashboardServer server = null;
        try {
            RecordRouter router = new RecordRouter(topics, state, new DashboardMeters(metrics.registry()));
            follower = new TopicFollower(settings.clientProperties(), topics.topics(), router);
            follower.bindMetrics(metrics);
            TopicFollower reading = follower;
            server = new DashboardServer(settings.bind(), settings.port(), state, events, metrics,
                    () -> reading.assignment().size());
            Gauge.builder("east.dashboard.pages", events, EventStream::pages)
                    .description("Pages following the event stream").register(metrics.registry());
            server.start();
            follower.start();
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (follower != null) {
                follower.close();
            }
            metrics.close();
            throw e;
        }
        LOG.atInfo().addKeyValue("url", server.url()).addKeyValue("experiments", topics.experimentsShown())
                .addKeyValue("history", settings.history()).log("dashboard started");
        return new Dashboard(state, metrics, follower, server);
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    public DashboardState state() {
        return state;
    }

    /** Blocks until {@link #close()} has run (from a shutdown hook, say). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            server.close();
            follower.close();
            metrics.close();
            LOG.info("dashboard stopped");
        } finally {
            closed.countDown();
        }
    }
}
