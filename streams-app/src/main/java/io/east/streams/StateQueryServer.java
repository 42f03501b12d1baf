package io.east.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.east.core.group.GroupAnalysis;
import io.east.core.group.ResponseCluster;
import io.east.metrics.http.HttpResponses;
import io.east.metrics.http.LoopbackHostGuard;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightStats;
import io.east.schemas.serde.RecordJson;
import io.east.schemas.state.OpenGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over this instance's stores: {@code GET /tasks/{task_id}} (samples received and clusters so
 * far), {@code GET /weight-stats} (the latest WeightStats of each local partition) and {@code GET /health}.
 * Only local state is served: with several instances, a task lives on the one that owns its partition. On a loopback
 * address only loopback host names are answered, so a web page cannot read the stores through DNS rebinding.
 */
public final class StateQueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateQueryServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamsApp app;
    private final HttpServer server;
    private final LoopbackHostGuard hosts;

    public StateQueryServer(StreamsApp app, String bind, int port) throws IOException {
        this.app = app;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        this.hosts = new LoopbackHostGuard(server.getAddress().getAddress());
        server.createContext("/tasks/", exchange -> respond(exchange, this::task));
        server.createContext("/weight-stats", exchange -> respond(exchange, path -> weightStats()));
        server.createContext("/health", exchange -> respond(exchange, path -> health()));
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "east-streams-http");
            thread.setDaemon(true);
            return thread;
        }));
    }

    public StateQueryServer start() {
        server.start();
        LOG.atInfo().addKeyValue("address", address()).log("state queries served");
        return this;
    }

    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Reply(int status, Object body) {
    }

    private interface Handler {
        Reply handle(String path) throws IOException;
    }

    private void respond(HttpExchange exchange, Handler handler) throws IOException {
        Reply reply;
        try {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (!hosts.allows(host)) {
                reply = new Reply(403, Map.of("error", "this server answers only to loopback host names, not '"
                        + host + "'"));
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                reply = new Reply(405, Map.of("error", "only GET is supported"));
            } else {
                reply = handler.handle(exchange.getRequestURI().getRawPath());
            }
        } catch (InvalidStateStoreException e) {
            reply = new Reply(503, Map.of("error", "state stores are not queryable now: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("state query failed", e);
            reply = new Reply(500, Map.of("error", String.valueOf(e.getMessage())));
        }
        byte[] body = (reply.body() instanceof String raw ? raw : JSON.writeValueAsString(reply.body()))
                .getBytes(StandardCharsets.UTF_8);
        HttpResponses.send(exchange, reply.status(), "application/json; charset=utf-8", body);
    }

    private Reply task(String rawPath) {
        String taskId = URLDecoder.decode(rawPath.substring("/tasks/".length()), StandardCharsets.UTF_8);
        if (taskId.isEmpty()) {
            return new Reply(400, Map.of("error", "give a task id: /tasks/{task_id}"));
        }
        byte[] encoded = this.<byte[]>store(StreamsTopology.OPEN_GROUPS).get(taskId);
        OpenGroup group = encoded == null ? null : OpenGroupStore.decode(encoded);
        if (group == null) {
            Long completedAt = this.<Long>store(StreamsTopology.COMPLETED).get(taskId);
            if (completedAt != null) {
                return new Reply(200, Map.of("task_id", taskId, "completed", true, "completed_at", completedAt));
            }
            return new Reply(404, Map.of("error", "task " + taskId + " is neither open nor recently completed on "
                    + "this instance"));
        }
        List<ReasoningSample> samples = new ArrayList<>();
        group.getSamples().forEach(stored -> samples.add(ArrivedSamples.decode(stored, null)));
        samples.sort(java.util.Comparator.comparingInt(ReasoningSample::getSampleIndex));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", taskId);
        body.put("completed", false);
        body.put("n", group.getN());
        body.put("received", group.getReceived());
        body.put("first_seen_at", group.getFirstSeenAt());
        body.put("last_seen_at", group.getLastSeenAt());
        body.put("sample_indexes", samples.stream().map(ReasoningSample::getSampleIndex).toList());
        if (!samples.isEmpty()) {
            GroupAnalysis soFar = app.settings().weighting().analyzer()
                    .analyze(taskId, samples.get(0).getGoldAnswer(), GroupRecords.answers(samples));
            body.put("entropy_so_far", soFar.entropy());
            body.put("clusters", soFar.clusters().stream().map(StateQueryServer::cluster).toList());
        }
        return new Reply(200, body);
    }

    private static Map<String, Object> cluster(ResponseCluster cluster) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("answer", cluster.answer());
        json.put("count", cluster.count());
        json.put("correct", cluster.correct());
        return json;
    }

    private Reply weightStats() {
        List<String> stats = new ArrayList<>();
        ReadOnlyKeyValueStore<String, WeightStats> store = store(StreamsTopology.LATEST_STATS);
        try (KeyValueIterator<String, WeightStats> all = store.all()) {
            while (all.hasNext()) {
                stats.add(RecordJson.toJson(all.next().value));
            }
        }
        return new Reply(200, "[" + String.join(",", stats) + "]");
    }

    private Reply health() {
        KafkaStreams.State state = app.streams().state();
        return new Reply(state.isRunningOrRebalancing() ? 200 : 503, Map.of("state", state.name()));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return app.streams().store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
