package io.east.dashboard;

import com.sun.net.httpserver.HttpExchange;
import io.east.metrics.http.HttpResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events}: every dashboard update as a server-sent event ({@code event: update}, {@code id} = sequence
 * number, {@code data} = one line of JSON), to every open page.
 *
 * <p>Each page has a bounded queue, filled by the consumer thread and drained by the page's HTTP thread, so a slow
 * page never slows the consumer. A page that falls a whole queue behind is disconnected; its browser reconnects by
 * itself and the page reloads the snapshot, which is cheaper than replaying what it missed.
 */
final class EventStream implements Consumer<DashboardEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_PAGES = 32;
    private static final int QUEUE = 1024;
    /** Proxies and browsers drop connections that stay silent; a comment line every so often keeps it open. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final Object END = new Object();

    private final Set<Page> pages = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private static final class Page {
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE + 1);

        void offer(DashboardEvent event) {
            if (!queue.offer(event)) {
                queue.clear();
                queue.offer(END);
            }
        }
    }

    @Override
    public void accept(DashboardEvent event) {
        for (Page page : pages) {
            page.offer(event);
        }
    }

    int pages() {
        return pages.size();
    }

    /** Streams to one page until it leaves, falls behind or the dashboard stops; runs on that page's HTTP thread. */
    void serve(HttpExchange exchange) throws IOException {
        if (closed || pages.size() >= MAX_PAGES) {
            Responses.text(exchange, 503, "too many open dashboards\n");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            HttpResponses.send(exchange, 200, "text/event-stream; charset=utf-8", new byte[0]);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        // Length 0 means chunked: each flush reaches the browser at once.
        exchange.sendResponseHeaders(200, 0);
        Page page = new Page();
        pages.add(page);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 1000\n: connected\n\n");
            while (!closed) {
                Object next = page.queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (next == END) {
                    break;
                }
                if (next instanceof DashboardEvent event) {
                    write(out, "id: " + event.seq() + "\nevent: update\ndata: " + event.json() + "\n\n");
                } else {
                    write(out, ": keepalive\n\n");
                }
            }
        } catch (IOException e) {
            LOG.atDebug().addKeyValue("error", e.toString()).log("a page left the event stream");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pages.remove(page);
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        for (Page page : pages) {
            page.queue.clear();
            page.queue.offer(END);
        }
    }
}
