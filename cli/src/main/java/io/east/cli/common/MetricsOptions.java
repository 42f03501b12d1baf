package io.east.cli.common;

import io.east.metrics.MetricsServer;
import io.east.metrics.ProcessMetrics;
import java.io.UncheckedIOException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port} and {@code --metrics-bind} of a long-running subcommand: its Prometheus /metrics, with the
 * subcommand's own meters (listed in the README), its Kafka clients' and JVM metrics.
 */
public final class MetricsOptions {

    @Option(names = "--metrics-port", paramLabel = "P") private Integer port;
    @Option(names = "--metrics-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1") private String bind;

    /** The registry and its server, closed together; empty without {@code --metrics-port}. */
    public Optional<Served> start(String component) {
        if (port == null) {
            return Optional.empty();
        }
        ProcessMetrics metrics = ProcessMetrics.create(component);
        try {
            return Optional.of(new Served(metrics, MetricsServer.start(metrics, bind, port)));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            metrics.close();
            throw new UsageException("--metrics-port/--metrics-bind: " + e.getMessage());
        }
    }

    /** A process's meters being served; closing stops the server, then closes the binders. */
    public record Served(ProcessMetrics metrics, MetricsServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            metrics.close();
        }
    }
}
