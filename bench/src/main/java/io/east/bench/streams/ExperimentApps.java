package io.east.bench.streams;

import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;

/** The streams apps the bench measures: exactly-once, with the bench's client settings. */
final class ExperimentApps {

    private ExperimentApps() {
    }

    /** Starts the app of {@code settings} and returns it once RUNNING; closes it when it does not get there. */
    static StreamsApp startRunning(BenchClients clients, StreamsSettings settings, Path stateDir, Duration timeout)
            throws InterruptedException {
        StreamsApp app = new StreamsApp(settings, clients.app(), stateDir, StreamsConfig.EXACTLY_ONCE_V2).start();
        try {
            if (!app.awaitRunning(timeout)) {
                throw new IllegalStateException("the streams app did not reach RUNNING within " + timeout);
            }
            return app;
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }
}
