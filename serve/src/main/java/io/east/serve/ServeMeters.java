package io.east.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The server's meters, on the process's Prometheus registry with {@code --metrics-port}, else on a registry of its
 * own (the tests read that one): requests by route and status, choices and tokens, rows per Sampler call, the served
 * checkpoint and its version, and reloads with their failures and latency.
 */
final class ServeMeters {

    private final MeterRegistry registry;
    private final Counter submitted;
    private final Counter choices;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final DistributionSummary batchRows;
    private final DistributionSummary batchRequests;
    private final AtomicInteger queuedRows = new AtomicInteger();
    private final Counter reloads;
    private final Counter reloadFailures;
    private final Timer reloadLatency;
    private Gauge checkpoint;

    ServeMeters(MeterRegistry registry) {
        this.registry = registry;
        submitted = Counter.builder("east.serve.sampling.requests").description("Requests handed to the sampling thread")
                .register(registry);
        choices = Counter.builder("east.serve.samples").description("Choices (samples) generated").register(registry);
        promptTokens = Counter.builder("east.serve.tokens").tag("kind", "prompt")
                .description("Prompt tokens of answered requests").register(registry);
        completionTokens = Counter.builder("east.serve.tokens").tag("kind", "completion")
                .description("Tokens generated").register(registry);
        batchRows = DistributionSummary.builder("east.serve.batch.rows").description("Rows per Sampler call")
                .register(registry);
        batchRequests = DistributionSummary.builder("east.serve.batch.requests")
                .description("Requests with rows in a Sampler call").register(registry);
        Gauge.builder("east.serve.queue.rows", queuedRows, AtomicInteger::get)
                .description("Rows waiting for a Sampler call").register(registry);
        reloads = Counter.builder("east.serve.reloads").description("Checkpoints loaded by update_weights_from_disk")
                .register(registry);
        reloadFailures = Counter.builder("east.serve.reload.failures")
                .description("update_weights_from_disk requests that failed; the old weights stayed")
                .register(registry);
        reloadLatency = Timer.builder("east.serve.reload.latency")
                .description("From an update_weights_from_disk request to the new weights in use").register(registry);
    }

    /** Publishes the served model version, and the checkpoint as a tag that follows each reload. */
    void bindServed(Supplier<ModelInfo> info) {
        Gauge.builder("east.serve.policy.version", () -> info.get().policyVersion())
                .description("The model version (east-state.json) of the checkpoint served").register(registry);
        servedCheckpoint(info.get());
    }

    /** Moves the checkpoint gauge to the newly served one. */
    synchronized void servedCheckpoint(ModelInfo info) {
        if (checkpoint != null) {
            registry.remove(checkpoint);
        }
        checkpoint = Gauge.builder("east.serve.checkpoint", info::policyVersion).tag("model_path", info.modelPath())
                .tag("weight_version", info.weightVersion())
                .description("1 series: the checkpoint served, valued by its model version").register(registry);
    }

    void request(String route, int status) {
        registry.counter("east.serve.http.requests", "route", route, "status", Integer.toString(status)).increment();
    }

    void submitted() {
        submitted.increment();
    }

    void answered(SamplingResult result) {
        choices.increment(result.choices().size());
        promptTokens.increment(result.promptTokens());
        completionTokens.increment(result.completionTokens());
    }

    void samplerCall(int rows, int requests) {
        batchRows.record(rows);
        batchRequests.record(requests);
    }

    void queuedRows(int rows) {
        queuedRows.set(rows);
    }

    void reloaded(Duration latency) {
        reloads.increment();
        reloadLatency.record(latency);
    }

    void reloadFailed() {
        reloadFailures.increment();
    }

    // Read by the tests.

    long submittedCount() {
        return (long) submitted.count();
    }

    DistributionSummary batchRows() {
        return batchRows;
    }

    long reloadCount() {
        return (long) reloads.count();
    }

    long reloadFailureCount() {
        return (long) reloadFailures.count();
    }
}
