package io.east.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.east.metrics.MetricsEndpoint;
import io.east.metrics.ProcessMetrics;
import io.east.metrics.http.LoopbackHostGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP side on the JDK's own server: {@code /} (the page), {@code /static/*} (its assets),
 * {@code /api/state} (the snapshot), {@code /events} (server-sent events), {@code /metrics} (Prometheus) and
 * {@code /health}. Read-only: every other method is refused.
 */
final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardState state;
    private final EventStream events;
    private final StaticAssets assets = new StaticAssets();
    private final MetricsEndpoint metrics;
    private final IntSupplier partitionsRead;
    private final LoopbackHostGuard hostCheck;

    DashboardServer(String bind, int port, DashboardState state, EventStream events, ProcessMetrics metrics,
            IntSupplier partitionsRead) {
        this.state = state;
        this.events = events;
        this.metrics = new MetricsEndpoint(metrics);
        this.partitionsRead = partitionsRead;
        try {
            this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on " + bind + ":" + port + ": "
                    + e.getMessage(), e);
        }
        this.hostCheck = new LoopbackHostGuard(server.getAddress().getAddress());
        // Each open page holds a thread for its event stream; the cap on pages bounds the threads.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "east-dashboard-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::route);
    }

    void start() {
        server.start();
        LOG.atInfo().addKeyValue("url", url()).log("dashboard served");
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            Responses.secureHeaders(exchange);
            if (!hostCheck.allows(exchange.getRequestHeaders().getFirst("Host"))) {
                Responses.text(exchange, 403, "this dashboard answers only to localhost names\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Responses.text(exchange, 405, "the dashboard is read-only\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> assets.serve(exchange, "index.html");
                case "/api/state" -> {
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    Responses.json(exchange, 200, state.snapshotJson());
                }
                case "/events" -> events.serve(exchange);
                case MetricsEndpoint.PATH -> metrics.handle(exchange);
                case "/health" -> Responses.json(exchange, 200, "{\"status\":\"UP\",\"partitions\":"
                        + partitionsRead.getAsInt() + ",\"pages\":" + events.pages() + "}");
                default -> {
                    if (path.startsWith(StaticAssets.PREFIX)) {
                        assets.serve(exchange, path.substring(StaticAssets.PREFIX.length()));
                    } else {
                        Responses.text(exchange, 404, "not found\n");
                    }
                }
            }
        } catch (IOException e) {
            // The browser went away mid-response; nothing to repair.
            LOG.atDebug().addKeyValue("error", e.toString()).log("response not completed");
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("dashboard request failed");
            Responses.text(exchange, 500, "internal error\n");
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        events.close();
        server.stop(1);
        executor.shutdownNow();
    }
}
