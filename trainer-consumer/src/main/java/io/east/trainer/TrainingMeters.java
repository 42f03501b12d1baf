package io.east.trainer;

import io.east.metrics.ProcessMetrics;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What {@code east train --metrics-port} publishes: steps and checkpoints as counters, and the last step's loss,
 * weights, gradient norm, speed and position as gauges (NaN before the first step, so a scrape never shows a made-up
 * zero loss).
 */
public final class TrainingMeters implements TrainingListener {

    private final Counter steps;
    private final Counter checkpoints;
    private volatile TrainMetrics last;
    private volatile long version = -1;

    private TrainingMeters(MeterRegistry registry) {
        steps = Counter.builder("east.train.steps").description("Optimizer steps taken by this process.")
                .register(registry);
        checkpoints = Counter.builder("east.train.checkpoints")
                .description("Checkpoints written and announced by this process.").register(registry);
        gauge(registry, "east.train.loss", "Unweighted mean loss of the last batch.", TrainMetrics::getLoss);
        gauge(registry, "east.train.weighted.loss", "Weighted loss of the last batch.", TrainMetrics::getWeightedLoss);
        gauge(registry, "east.train.mean.weight", "Mean example weight of the last batch.",
                TrainMetrics::getMeanWeight);
        gauge(registry, "east.train.grad.norm", "Global gradient norm of the last step, before clipping.",
                TrainMetrics::getGradNorm);
        gauge(registry, "east.train.tokens.per.second", "Training speed of the last step.",
                TrainMetrics::getTokensPerSecond);
        gauge(registry, "east.train.learning.rate", "Learning rate of the last step.", TrainMetrics::getLearningRate);
        gauge(registry, "east.train.examples.seen", "Examples trained on since the run began, restarts included.",
                m -> m.getExamplesSeen());
        gauge(registry, "east.train.held.back", "Examples held back as too stale, since the run began.",
                m -> m.getHeldBack());
        Gauge.builder("east.train.model.version", this, meters -> meters.version)
                .description("The newest model version this process announced (-1: none yet).").register(registry);
    }

    /** Registers the meters in {@code metrics}; pass the result to the trainer as a listener. */
    public static TrainingMeters bind(ProcessMetrics metrics) {
        return new TrainingMeters(Objects.requireNonNull(metrics, "metrics").registry());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<TrainMetrics> value) {
        Gauge.builder(name, this, meters -> {
            TrainMetrics metrics = meters.last;
            return metrics == null ? Double.NaN : value.applyAsDouble(metrics);
        }).description(description).register(registry);
    }

    @Override
    public void stepped(TrainMetrics metrics) {
        last = metrics;
        steps.increment();
    }

    @Override
    public void checkpointed(Checkpoint checkpoint, ModelVersion modelVersion) {
        version = modelVersion.getVersion();
        checkpoints.increment();
    }
}
