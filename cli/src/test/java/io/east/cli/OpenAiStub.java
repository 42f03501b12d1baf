package io.east.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenAI-compatible server for the generate command's process-level tests: {@code /v1/completions}
 * answering "\boxed{6}", at most {@link #MAX_CHOICES} choices per response (so a task takes several requests), and
 * a switch that holds requests open, so a worker can be caught mid-task. (The backend's own tests in producers use
 * a fuller fake with scripted faults.)
 */
final class OpenAiStub implements AutoCloseable {

    static final int MAX_CHOICES = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "openai-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile int holdFrom = Integer.MAX_VALUE;
    private volatile CountDownLatch release = new CountDownLatch(1);

    OpenAiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    /** Requests currently held open. */
    int held() {
        return held.get();
    }

    /** Holds every request from the {@code number}-th (1-based) on until {@link #release()}. */
    void holdFrom(int number) {
        release = new CountDownLatch(1);
        holdFrom = number;
    }

    void release() {
        holdFrom = Integer.MAX_VALUE;
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (requests.incrementAndGet() >= holdFrom) {
                held.incrementAndGet();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            byte[] body = answer(request.path("n").asInt(1)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The worker was killed while we held its request.
        } finally {
            exchange.close();
        }
    }

    private static String answer(int n) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < Math.min(n, MAX_CHOICES); i++) {
            choices.addObject().put("index", i).put("text", " 2 times 3 is \\boxed{6}").put("finish_reason", "stop");
        }
        return root.toString();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
