package io.east.serve;

import io.east.model.Precision;
import io.east.producers.versions.CheckpointRoot;
import java.util.Objects;

/**
 * How {@code east serve} listens, batches and limits requests.
 *
 * @param bind the address to listen on; 127.0.0.1 keeps the server on this machine
 * @param port the port, 0 for any free one
 * @param servedModelName the name requests give as {@code model} and {@code /v1/models} lists
 * @param precision what weights are held and computed in, for the first checkpoint and every reload
 * @param maxBatchRows most rows (choices) per Sampler call
 * @param maxChoices most choices per request: prompts x n
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param maxConcurrentRequests sampling requests answered at once; more are refused with 503
 * @param seed the base of the sampling seeds of requests that bring none
 * @param reloadRoot when not null, reloads load only checkpoints under it
 */
public record ServeSettings(String bind, int port, String servedModelName, Precision precision, int maxBatchRows,
        int maxChoices, int maxBodyBytes, int maxConcurrentRequests, long seed, CheckpointRoot reloadRoot) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_MAX_BATCH_ROWS = 32;
    public static final int DEFAULT_MAX_CHOICES = 128;
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    public ServeSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (servedModelName == null || servedModelName.isBlank()) {
            throw new IllegalArgumentException("the served model name must not be empty");
        }
        Objects.requireNonNull(precision, "precision");
        requireAtLeastOne(maxBatchRows, "max batch rows");
        requireAtLeastOne(maxChoices, "max choices");
        requireAtLeastOne(maxBodyBytes, "max body bytes");
        requireAtLeastOne(maxConcurrentRequests, "max concurrent requests");
    }

    private static void requireAtLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }

    public static ServeSettings defaults(String servedModelName) {
        return new ServeSettings(DEFAULT_BIND, DEFAULT_PORT, servedModelName, Precision.FP32, DEFAULT_MAX_BATCH_ROWS,
                DEFAULT_MAX_CHOICES, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT_REQUESTS, 0, null);
    }

    public ServeSettings withAddress(String newBind, int newPort) {
        return new ServeSettings(newBind, newPort, servedModelName, precision, maxBatchRows, maxChoices, maxBodyBytes,
                maxConcurrentRequests, seed, reloadRoot);
    }

    public ServeSettings withPrecision(Precision value) {
        return new ServeSettings(bind, port, servedModelName, value, maxBatchRows, maxChoices, maxBodyBytes,
                maxConcurrentRequests, seed, reloadRoot);
    }

    public ServeSettings withMaxBatchRows(int rows) {
        return new ServeSettings(bind, port, servedModelName, precision, rows, maxChoices, maxBodyBytes,
                maxConcurrentRequests, seed, reloadRoot);
    }

    public ServeSettings withMaxChoices(int choices) {
        return new ServeSettings(bind, port, servedModelName, precision, maxBatchRows, choices, maxBodyBytes,
                maxConcurrentRequests, seed, reloadRoot);
    }

    public ServeSettings withMaxBodyBytes(int bytes) {
        return new ServeSettings(bind, port, servedModelName, precision, maxBatchRows, maxChoices, bytes,
                maxConcurrentRequests, seed, reloadRoot);
    }

    public ServeSettings withMaxConcurrentRequests(int requests) {
        return new ServeSettings(bind, port, servedModelName, precision, maxBatchRows, maxChoices, maxBodyBytes,
                requests, seed, reloadRoot);
    }

    public ServeSettings withSeed(long value) {
        return new ServeSettings(bind, port, servedModelName, precision, maxBatchRows, maxChoices, maxBodyBytes,
                maxConcurrentRequests, value, reloadRoot);
    }

    /** @param root null to let reloads load any directory */
    public ServeSettings withReloadRoot(CheckpointRoot root) {
        return new ServeSettings(bind, port, servedModelName, precision, maxBatchRows, maxChoices, maxBodyBytes,
                maxConcurrentRequests, seed, root);
    }
}
