package io.east.producers.generate.openai.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.producers.generate.openai.BoundedHttp;
import io.east.producers.generate.openai.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * SGLang's documented weight update from disk. A load is {@code POST /update_weights_from_disk} with
 * {@code {"model_path": PATH}}, answered {@code {"success": bool, "message": str}} (HTTP 400 when it failed), then
 * {@code GET /get_model_info}, whose {@code model_path} must now be PATH. Both routes sit at the server's root, not
 * under {@code /v1}.
 *
 * <p>Where {@code get_model_info} reports a {@code weight_version} (newer SGLang), each load also sets it to a label
 * naming this process and the version ({@code east:OWNER:vN}); ownership is then checked on the label, so two workers
 * loading the same path are told apart. Otherwise it is checked on {@code model_path} alone.
 */
final class SglangWeightSync implements WeightSync {

    private static final String HINT = "is this an SGLang server? /update_weights_from_disk and /get_model_info are "
            + "SGLang routes at the server's root";

    private final AdminHttp http;
    private final URI update;
    private final URI modelInfo;
    private final String owner;
    private final Duration loadTimeout;
    private final Duration infoTimeout;
    /** Whether the server keeps a weight_version label; learned from the first get_model_info answer. */
    private Boolean labels;

    SglangWeightSync(AdminHttp http, String baseUrl, String owner, Duration loadTimeout, Duration infoTimeout) {
        this.http = http;
        this.update = Endpoint.admin(baseUrl, "update_weights_from_disk");
        this.modelInfo = Endpoint.admin(baseUrl, "get_model_info");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.loadTimeout = loadTimeout;
        this.infoTimeout = infoTimeout;
    }

    @Override
    public WeightSyncMode mode() {
        return WeightSyncMode.SGLANG;
    }

    @Override
    public String target() {
        return "POST " + update;
    }

    @Override
    public void load(ServedCheckpoint checkpoint) throws WeightSyncException, InterruptedException {
        if (labels == null) {
            modelInfo();
        }
        ObjectNode body = (ObjectNode) AdminHttp.object();
        body.put("model_path", checkpoint.servedPath());
        if (labels) {
            body.put("weight_version", label(checkpoint));
        }
        AdminHttp.Reply reply = http.post(update, body, loadTimeout);
        if (!reply.ok() && reply.status() != 400) {
            throw reply.failure(HINT);
        }
        JsonNode answer = reply.status() == 400 ? objectOr(reply) : reply.object();
        JsonNode success = answer.get("success");
        if (success == null || !success.isBoolean()) {
            throw WeightSyncException.retryable(reply.request() + ": the answer's success is missing or not a boolean: "
                    + BoundedHttp.snippet(reply.body()));
        }
        if (!success.booleanValue()) {
            JsonNode message = answer.get("message");
            throw WeightSyncException.retryable(reply.request() + ": the server could not load " + checkpoint.servedPath()
                    + ": " + (message != null && message.isTextual() ? message.asText() : "(no message)"));
        }
        ModelInfo info = modelInfo();
        if (!info.path().equals(checkpoint.servedPath())) {
            throw WeightSyncException.retryable("GET " + modelInfo + ": model_path is '" + info.path() + "' after loading '"
                    + checkpoint.servedPath() + "'");
        }
        if (labels && !label(checkpoint).equals(info.label())) {
            throw WeightSyncException.retryable("GET " + modelInfo + ": weight_version is '" + info.label()
                    + "' after loading '" + label(checkpoint) + "'");
        }
    }

    /** A 400 without a JSON body is a plain failure. */
    private static JsonNode objectOr(AdminHttp.Reply reply) throws WeightSyncException {
        try {
            return reply.object();
        } catch (WeightSyncException e) {
            throw reply.failure(HINT);
        }
    }

    @Override
    public void checkOwnership(List<ServedCheckpoint> ours) throws WeightSyncException, InterruptedException {
        ModelInfo info = modelInfo();
        for (ServedCheckpoint checkpoint : ours) {
            if (info.path().equals(checkpoint.servedPath())
                    && (!labels || info.label() == null || info.label().equals(label(checkpoint)))) {
                return;
            }
        }
        throw new SharedEndpointException("the server at " + modelInfo + " serves model_path '" + info.path() + "'"
                + (info.label() == null ? "" : " with weight_version '" + info.label() + "'")
                + ", which this process (" + owner + ") did not load; it last loaded " + ours.stream()
                        .map(c -> "version " + c.version() + " '" + c.servedPath() + "'").toList()
                + ". Another process reloads this server: weight sync needs one worker per endpoint, each worker with"
                + " its own server");
    }

    @Override
    public boolean reportsServing(ServedCheckpoint checkpoint) throws InterruptedException {
        try {
            ModelInfo info = modelInfo();
            return info.path().equals(checkpoint.servedPath())
                    && (!labels || label(checkpoint).equals(info.label()));
        } catch (WeightSyncException e) {
            return false;
        }
    }

    private String label(ServedCheckpoint checkpoint) {
        return "east:" + owner + ":v" + checkpoint.version();
    }

    private record ModelInfo(String path, String label) {
    }

    private ModelInfo modelInfo() throws WeightSyncException, InterruptedException {
        AdminHttp.Reply reply = http.get(modelInfo, infoTimeout);
        if (!reply.ok()) {
            throw reply.failure(HINT);
        }
        JsonNode answer = reply.object();
        JsonNode path = answer.get("model_path");
        if (path == null || !path.isTextual() || path.asText().isBlank()) {
            throw WeightSyncException.retryable(reply.request() + ": the answer's model_path is missing or not a "
                    + "non-empty string: " + BoundedHttp.snippet(reply.body()));
        }
        JsonNode label = answer.get("weight_version");
        if (label != null && !label.isNull() && !label.isTextual()) {
            throw WeightSyncException.retryable(reply.request() + ": the answer's weight_version is not a string: "
                    + BoundedHttp.snippet(reply.body()));
        }
        boolean hasLabel = label != null && label.isTextual();
        if (labels == null) {
            labels = hasLabel;
        }
        return new ModelInfo(path.asText(), hasLabel ? label.asText() : null);
    }
}
