package io.east.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A port of its own for {@code /metrics}, for processes that serve nothing else over HTTP ({@code east streams},
 * {@code generate}, {@code train}). Scrapes are rare and cheap, so one daemon thread answers them.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code metrics} at {@code http://bind:port/metrics}.
     *
     * @param bind the address to listen on; 127.0.0.1 keeps the figures on this machine
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static MetricsServer start(ProcessMetrics metrics, String bind, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("metrics port must be in [0, 65535], got " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "east-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new MetricsEndpoint(metrics));
        server.start();
        MetricsServer started = new MetricsServer(server, executor);
        LOG.atInfo().addKeyValue("component", metrics.component()).addKeyValue("url", started.url())
                .log("metrics served");
        return started;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The scrape URL, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort()
                + MetricsEndpoint.PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
