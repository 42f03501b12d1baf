package io.east.cli.common;

import io.east.metrics.MetricsServer;
import io.east.metrics.ProcessMetrics;
import java.io.UncheckedIOException;

/** Starts the /metrics server of a subcommand's {@code --metrics-port}; a port that cannot be bound is bad usage. */
public final class MetricsServers {

    private MetricsServers() {
    }

    public static MetricsServer start(ProcessMetrics metrics, String bind, int port) {
        try {
            return MetricsServer.start(metrics, bind, port);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            metrics.close();
            throw new UsageException("--metrics-port/--metrics-bind: " + e.getMessage());
        }
    }
}
