package io.east.producers.generate.openai.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.producers.generate.openai.BoundedHttp;
import io.east.producers.generate.openai.Endpoint;
import java.net.URI;
import java.time.Duration;

/**
 * vLLM's in-place reload from disk, through the routes its API server adds in development mode
 * ({@code VLLM_SERVER_DEV_MODE=1}). A load is:
 * <ol>
 *   <li>{@code POST /collective_rpc} with {@code {"method": "reload_weights", "kwargs": {"weights_path": PATH,
 *       "is_checkpoint_format": true}, "timeout": SECONDS}}: every worker reloads its weights from PATH, and the call
 *       returns when they have (200, with {@code {"results": [...]}} or an empty body);</li>
 *   <li>{@code POST /reset_prefix_cache}: cached prefixes hold keys and values the old weights computed;</li>
 *   <li>{@code GET /v1/models} still lists the model.</li>
 * </ol>
 * vLLM reports no checkpoint path or label after a reload, so the confirmation is the synchronous success of
 * {@code reload_weights} and a server that still serves the model; ownership cannot be checked.
 */
final class VllmWeightSync implements WeightSync {

    private static final String HINT = "vLLM serves /collective_rpc and /reset_prefix_cache only when started with "
            + "VLLM_SERVER_DEV_MODE=1";

    private final AdminHttp http;
    private final URI rpc;
    private final URI resetCache;
    private final URI models;
    private final String model;
    private final Duration loadTimeout;
    private final Duration infoTimeout;

    VllmWeightSync(AdminHttp http, String baseUrl, String model, Duration loadTimeout, Duration infoTimeout) {
        this.http = http;
        this.rpc = Endpoint.admin(baseUrl, "collective_rpc");
        this.resetCache = Endpoint.admin(baseUrl, "reset_prefix_cache");
        this.models = Endpoint.admin(baseUrl, "v1/models");
        this.model = model;
        this.loadTimeout = loadTimeout;
        this.infoTimeout = infoTimeout;
    }

    @Override
    public WeightSyncMode mode() {
        return WeightSyncMode.VLLM;
    }

    @Override
    public String target() {
        return "POST " + rpc + " reload_weights";
    }

    @Override
    public void load(ServedCheckpoint checkpoint) throws WeightSyncException, InterruptedException {
        ObjectNode body = (ObjectNode) AdminHttp.object();
        body.put("method", "reload_weights");
        ObjectNode kwargs = body.putObject("kwargs");
        kwargs.put("weights_path", checkpoint.servedPath());
        kwargs.put("is_checkpoint_format", true);
        body.put("timeout", (double) loadTimeout.toMillis() / 1000);
        AdminHttp.Reply reply = http.post(rpc, body, loadTimeout);
        if (!reply.ok()) {
            throw reply.failure(HINT);
        }
        if (reply.body() != null && !reply.body().isBlank()) {
            JsonNode results = reply.object().get("results");
            if (results != null && !results.isArray()) {
                throw WeightSyncException.retryable(reply.request() + ": the answer's results is not an array: "
                        + BoundedHttp.snippet(reply.body()));
            }
        }
        AdminHttp.Reply reset = http.post(resetCache, AdminHttp.object(), infoTimeout);
        if (!reset.ok()) {
            throw reset.failure(HINT);
        }
        confirmModelListed();
    }

    private void confirmModelListed() throws WeightSyncException, InterruptedException {
        AdminHttp.Reply reply = http.get(models, infoTimeout);
        if (!reply.ok()) {
            throw reply.failure("the OpenAI API's model list");
        }
        JsonNode data = reply.object().get("data");
        if (data == null || !data.isArray()) {
            throw WeightSyncException.retryable(reply.request() + ": the answer's data is missing or not an array: "
                    + BoundedHttp.snippet(reply.body()));
        }
        for (JsonNode entry : data) {
            if (model.equals(entry.path("id").asText(null))) {
                return;
            }
        }
        throw WeightSyncException.retryable(reply.request() + ": model '" + model + "' is not listed after the reload: "
                + BoundedHttp.snippet(reply.body()));
    }
}
