package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SGLang's {@code POST /update_weights_from_disk}: loads the checkpoint {@code model_path} names beside the one in use
 * (so serving goes on meanwhile), has the sampling thread swap it in between calls, and answers once the old weights
 * are freed. A checkpoint that cannot be loaded changes nothing. Reloads run one at a time, in arrival order.
 *
 * <p>Read fields: {@code model_path} (required), {@code weight_version} (reported by {@code /get_model_info}),
 * {@code load_format} (only auto or safetensors). SGLang's {@code abort_all_requests}, {@code flush_cache} and the
 * other switches are accepted and have no effect: nothing is aborted, since requests never mix checkpoints anyway,
 * and there is no cache to flush.
 */
record WeightReloader(CheckpointLoader loader, SamplingLoop loop, ServeMeters meters) {

    private static final Logger LOG = LoggerFactory.getLogger(WeightReloader.class);
    private static final List<String> LOAD_FORMATS = List.of("auto", "safetensors");

    /** The answer: HTTP status and {@code {success, message, num_paused_requests}}. */
    record Outcome(int status, boolean success, String message) {
    }

    synchronized Outcome reload(JsonNode body) {
        long start = System.nanoTime();
        RequestFields fields = new RequestFields(body);
        String modelPath;
        String weightVersion;
        try {
            modelPath = fields.string("model_path");
            weightVersion = fields.string("weight_version");
            String format = fields.string("load_format");
            if (format != null && !LOAD_FORMATS.contains(format)) {
                throw ApiError.invalid("load_format", "load_format must be auto or safetensors, got " + format);
            }
            fields.bool("abort_all_requests", false);
        } catch (ApiError e) {
            return failed(400, e.getMessage());
        }
        if (modelPath == null || modelPath.isBlank()) {
            return failed(400, "model_path is required: the checkpoint directory to load");
        }
        ServedPolicy next;
        try {
            next = loader.loadRequested(modelPath, weightVersion);
        } catch (CheckpointLoader.LoadFailure e) {
            LOG.atWarn().addKeyValue("model_path", modelPath).addKeyValue("reason", e.getMessage())
                    .addKeyValue("kept", loop.info().modelPath()).log("reload failed; keeping the current weights");
            return failed(400, e.getMessage());
        }
        ModelInfo previous;
        try {
            previous = loop.swap(next).get();
        } catch (ExecutionException e) {
            return failed(503, "the server is shutting down; the new weights were not put in use");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(503, "interrupted while waiting for the new weights to be put in use");
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        meters.reloaded(latency);
        ModelInfo now = loop.info();
        LOG.atInfo().addKeyValue("model_path", now.modelPath()).addKeyValue("version", now.policyVersion())
                .addKeyValue("weight_version", now.weightVersion()).addKeyValue("previous", previous.modelPath())
                .addKeyValue("ms", latency.toMillis()).log("weights reloaded");
        return new Outcome(200, true, ResponseBodies.RELOADED);
    }

    private Outcome failed(int status, String message) {
        meters.reloadFailed();
        return new Outcome(status, false, message);
    }
}
