package io.east.producers.generate.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI API for the backend: {@code /v1/completions} and
 * {@code /v1/chat/completions}, honouring n (up to an optional cap), returning per-token logprobs and usage. Tests
 * script faults: each queued {@link Fault} applies to one upcoming request, in arrival order; a persistent fault
 * applies to every request whose prompt matches.
 *
 * <p>It also speaks the weight-reload protocols, with the engines' routes and answers: SGLang's
 * {@code POST /update_weights_from_disk} ({@code {"model_path", "weight_version"?}}, answered
 * {@code {"success", "message", "num_paused_requests"}}, 400 on failure) and {@code GET /get_model_info}
 * ({@code model_path}, {@code weight_version}); vLLM's dev-mode {@code POST /collective_rpc} with
 * {@code reload_weights} ({@code {"results": [null]}}, 500 on failure), {@code POST /reset_prefix_cache} and
 * {@code GET /v1/models}. A reload changes {@link #servedModelPath()}; queued {@link ReloadFault}s make the next reloads
 * fail, answer a status, take long, or wait until {@link #releaseReloads()}.
 *
 * <p>Responses are whitespace-separated tokens; every token has logprob {@value #TOKEN_LOGPROB}, so a choice's mean
 * logprob is exactly that and its token count is its number of words.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public static final double TOKEN_LOGPROB = -0.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to do to a request instead of (or while) answering it. */
    public sealed interface Fault {
        /** Answer with this status and an error body; a non-null retryAfter becomes the Retry-After header. */
        record Status(int code, String retryAfter) implements Fault {
        }

        /** Wait this long before sending anything (a slow server or a read timeout). */
        record StallBeforeHeaders(Duration delay) implements Fault {
        }

        /** Send the headers and half the body, then wait this long before the rest. */
        record StallMidBody(Duration delay) implements Fault {
        }

        /** Promise the full length, send half of the body, close the connection. */
        record CutConnection() implements Fault {
        }

        /** A 200 whose body is cut short but whose length says it is complete: invalid JSON. */
        record TruncatedJson() implements Fault {
        }

        /** A 200 with an empty choices array. */
        record NoChoices() implements Fault {
        }
    }

    /** One request as the server saw it. */
    public record Recorded(String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String prompt() {
            if (body.has("prompt")) {
                return body.get("prompt").asText();
            }
            JsonNode messages = body.path("messages");
            return messages.get(messages.size() - 1).path("content").asText();
        }
    }

    private record PersistentFault(Predicate<String> prompt, Fault fault) {
    }

    /** What to do to one reload request, SGLang's or vLLM's. */
    public sealed interface ReloadFault {
        /** The engine could not load: SGLang answers 400 {"success": false, "message"}, vLLM 500 {"error"}. */
        record Fails(String message) implements ReloadFault {
        }

        /** Answer this status, with an error body, and load nothing. */
        record Status(int code) implements ReloadFault {
        }

        /** Load, but only after this long. */
        record Slow(Duration delay) implements ReloadFault {
        }

        /** Load only once {@link #releaseReloads()} is called (or the server closes). */
        record Held() implements ReloadFault {
        }
    }

    /** One reload request: the route it came to, and the path it asked for. */
    public record Reload(String route, String path, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-openai");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<PersistentFault> persistent = new CopyOnWriteArrayList<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile BiFunction<String, Integer, String> responder =
            (prompt, index) -> "Let me think. The total is 6 . So the answer is \\boxed{6} .";
    private volatile int choiceCap = Integer.MAX_VALUE;
    private final Queue<ReloadFault> reloadFaults = new ConcurrentLinkedQueue<>();
    private final List<Reload> reloads = new CopyOnWriteArrayList<>();
    private final AtomicInteger reloadsInFlight = new AtomicInteger();
    private final AtomicInteger cacheResets = new AtomicInteger();
    private volatile CountDownLatch heldReloads = new CountDownLatch(1);
    private volatile String servedModelPath = "fake-base-model";
    private volatile String weightVersion = "default";
    private volatile boolean reportsWeightVersion = true;
    private volatile List<String> listedModels = List.of("fake-math");

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/completions", exchange -> handle(exchange, false));
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, true));
        server.createContext("/v1/models", this::models);
        server.createContext("/get_model_info", this::modelInfo);
        server.createContext("/update_weights_from_disk", this::sglangReload);
        server.createContext("/collective_rpc", this::vllmReload);
        server.createContext("/reset_prefix_cache", this::resetCache);
        server.start();
    }

    public static FakeOpenAiServer start() throws IOException {
        return new FakeOpenAiServer();
    }

    /** {@code http://127.0.0.1:PORT}, the base URL the backend is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The text of choice {@code index} for a prompt. */
    public FakeOpenAiServer respond(BiFunction<String, Integer, String> textForPromptAndIndex) {
        this.responder = textForPromptAndIndex;
        return this;
    }

    /** Return at most this many choices per response, whatever n was asked (like servers that cap n). */
    public FakeOpenAiServer capChoices(int max) {
        this.choiceCap = max;
        return this;
    }

    public FakeOpenAiServer enqueue(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    public FakeOpenAiServer failPrompts(Predicate<String> prompt, Fault fault) {
        persistent.add(new PersistentFault(prompt, fault));
        return this;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** What the server serves: its startup model, then the path of the last successful reload. */
    public String servedModelPath() {
        return servedModelPath;
    }

    /** Serves this as if another process had reloaded it (SGLang's weight_version set to {@code label}). */
    public FakeOpenAiServer serve(String path, String label) {
        servedModelPath = path;
        weightVersion = label;
        return this;
    }

    /** Whether get_model_info reports a weight_version, as newer SGLang does (the default) or older does not. */
    public FakeOpenAiServer reportWeightVersion(boolean value) {
        reportsWeightVersion = value;
        return this;
    }

    /** The model ids GET /v1/models lists. */
    public FakeOpenAiServer listModels(String... ids) {
        listedModels = List.of(ids);
        return this;
    }

    public FakeOpenAiServer enqueueReload(ReloadFault... next) {
        reloadFaults.addAll(List.of(next));
        return this;
    }

    /** Lets every held reload, and every later one, load. */
    public void releaseReloads() {
        heldReloads.countDown();
    }

    /** Every reload request so far, in arrival order, whether it succeeded or not. */
    public List<Reload> reloads() {
        return new ArrayList<>(reloads);
    }

    /** Reload requests being handled right now (held or slow ones). */
    public int reloadsInFlight() {
        return reloadsInFlight.get();
    }

    public int prefixCacheResets() {
        return cacheResets.get();
    }

    private void modelInfo(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                sendJson(exchange, 405, "{\"detail\":\"Method Not Allowed\"}");
                return;
            }
            ObjectNode info = JSON.createObjectNode();
            info.put("model_path", servedModelPath);
            info.put("tokenizer_path", servedModelPath);
            info.put("is_generation", true);
            if (reportsWeightVersion) {
                info.put("weight_version", weightVersion);
            }
            sendJson(exchange, 200, info.toString());
        } finally {
            exchange.close();
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("object", "list");
            ArrayNode data = root.putArray("data");
            listedModels.forEach(id -> data.addObject().put("id", id).put("object", "model").put("root",
                    "fake-base-model"));
            sendJson(exchange, 200, root.toString());
        } finally {
            exchange.close();
        }
    }

    private void resetCache(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            cacheResets.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    private void sglangReload(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String path = body.path("model_path").asText(null);
            if (path == null) {
                sendJson(exchange, 400, "{\"detail\":\"model_path is required\"}");
                return;
            }
            ReloadFault fault = startReload(new Reload("/update_weights_from_disk", path, body));
            try {
                if (fault instanceof ReloadFault.Fails fails) {
                    sendJson(exchange, 400, JSON.createObjectNode().put("success", false)
                            .put("message", fails.message()).put("num_paused_requests", 0).toString());
                } else if (fault instanceof ReloadFault.Status status) {
                    sendJson(exchange, status.code(), "{\"error\":\"scripted " + status.code() + "\"}");
                } else {
                    load(fault, path, body.path("weight_version").asText(null));
                    sendJson(exchange, 200, JSON.createObjectNode().put("success", true)
                            .put("message", "Succeeded to update model weights.").put("num_paused_requests", 0)
                            .toString());
                }
            } finally {
                reloadsInFlight.decrementAndGet();
            }
        } catch (IOException e) {
            // The client hung up (it was killed, or gave up waiting): the load itself went on.
        } finally {
            exchange.close();
        }
    }

    private void vllmReload(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (!"reload_weights".equals(body.path("method").asText())) {
                sendJson(exchange, 400, "{\"detail\":\"only reload_weights is scripted\"}");
                return;
            }
            String path = body.path("kwargs").path("weights_path").asText(null);
            ReloadFault fault = startReload(new Reload("/collective_rpc", path, body));
            try {
                if (fault instanceof ReloadFault.Fails fails) {
                    sendJson(exchange, 500, JSON.createObjectNode().put("error", fails.message()).toString());
                } else if (fault instanceof ReloadFault.Status status) {
                    sendJson(exchange, status.code(), "{\"error\":\"scripted " + status.code() + "\"}");
                } else {
                    // vLLM's reload_weights without a weights_path reloads what it was started from.
                    load(fault, path == null ? servedModelPath : path, null);
                    sendJson(exchange, 200, "{\"results\":[null]}");
                }
            } finally {
                reloadsInFlight.decrementAndGet();
            }
        } catch (IOException e) {
            // The client hung up: the load itself went on.
        } finally {
            exchange.close();
        }
    }

    private ReloadFault startReload(Reload reload) {
        reloads.add(reload);
        reloadsInFlight.incrementAndGet();
        return reloadFaults.poll();
    }

    private void load(ReloadFault fault, String path, String label) {
        if (fault instanceof ReloadFault.Slow slow) {
            pause(slow.delay());
        } else if (fault instanceof ReloadFault.Held) {
            try {
                heldReloads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servedModelPath = path;
        if (label != null) {
            weightVersion = label;
        }
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange exchange, boolean chat) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean cut = false;
        try {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Recorded recorded = new Recorded(exchange.getRequestURI().getPath(), Map.copyOf(headers), body);
            requests.add(recorded);
            Fault fault = faultFor(recorded.prompt());
            byte[] answer = answer(body, recorded.prompt(), chat).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (fault == null) {
                send(exchange, 200, answer);
            } else if (fault instanceof Fault.CutConnection) {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer, 0, answer.length / 2);
                exchange.getResponseBody().flush();
                cut = true;
                // An exception escaping the handler makes the JDK server drop the connection mid-body.
                throw new IllegalStateException("connection cut on purpose");
            } else {
                applyFault(exchange, fault, answer);
            }
        } catch (IOException e) {
            // The client hung up (timeouts): nothing to answer.
        } finally {
            inFlight.decrementAndGet();
            if (!cut) {
                exchange.close();
            }
        }
    }

    private Fault faultFor(String prompt) {
        for (PersistentFault candidate : persistent) {
            if (candidate.prompt().test(prompt)) {
                return candidate.fault();
            }
        }
        return faults.poll();
    }

    private void applyFault(HttpExchange exchange, Fault fault, byte[] answer) throws IOException {
        if (fault instanceof Fault.Status status) {
            if (status.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", status.retryAfter());
            }
            send(exchange, status.code(), ("{\"error\":{\"message\":\"scripted " + status.code() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
        } else if (fault instanceof Fault.StallBeforeHeaders stall) {
            pause(stall.delay());
            send(exchange, 200, answer);
        } else if (fault instanceof Fault.StallMidBody stall) {
            exchange.sendResponseHeaders(200, answer.length);
            OutputStream out = exchange.getResponseBody();
            out.write(answer, 0, answer.length / 2);
            out.flush();
            pause(stall.delay());
            out.write(answer, answer.length / 2, answer.length - answer.length / 2);
        } else if (fault instanceof Fault.TruncatedJson) {
            send(exchange, 200, java.util.Arrays.copyOf(answer, answer.length / 2));
        } else if (fault instanceof Fault.NoChoices) {
            send(exchange, 200, "{\"object\":\"text_completion\",\"choices\":[]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits like a slow server, but lets {@link #close()} end the wait. */
    private void pause(Duration delay) {
        try {
            closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private String answer(JsonNode request, String prompt, boolean chat) {
        int n = request.path("n").asInt(1);
        int choices = Math.min(n, choiceCap);
        boolean logprobs = chat ? request.path("logprobs").asBoolean(false) : request.path("logprobs").asInt(0) > 0;
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "fake-" + requests.size());
        root.put("object", chat ? "chat.completion" : "text_completion");
        root.put("model", request.path("model").asText());
        ArrayNode array = root.putArray("choices");
        int completionTokens = 0;
        for (int i = 0; i < choices; i++) {
            String text = responder.apply(prompt, i);
            String[] tokens = text.isBlank() ? new String[0] : text.trim().split("\\s+");
            completionTokens += tokens.length;
            ObjectNode choice = array.addObject();
            choice.put("index", i);
            choice.put("finish_reason", "stop");
            if (chat) {
                choice.putObject("message").put("role", "assistant").put("content", text);
            } else {
                choice.put("text", text);
            }
            if (logprobs) {
                ObjectNode lp = choice.putObject("logprobs");
                if (chat) {
                    ArrayNode content = lp.putArray("content");
                    for (String token : tokens) {
                        content.addObject().put("token", token).put("logprob", TOKEN_LOGPROB);
                    }
                } else {
                    ArrayNode names = lp.putArray("tokens");
                    ArrayNode values = lp.putArray("token_logprobs");
                    for (String token : tokens) {
                        names.add(token);
                        values.add(TOKEN_LOGPROB);
                    }
                }
            } else {
                choice.putNull("logprobs");
            }
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", prompt.split("\\s+").length);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", prompt.split("\\s+").length + completionTokens);
        return root.toString();
    }

    @Override
    public void close() {
        closing.countDown();
        heldReloads.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
