package io.east.dashboard;

import io.east.schemas.EvalResult;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's figures as Prometheus meters, so that alerting sees what the page shows: the latest window's
 * weights per experiment, kept and discarded groups by reason, the latest training step, accuracy per model version.
 */
final class DashboardMeters {

    private final MeterRegistry registry;
    /** Gauges hold their value weakly; these strong references keep them alive. */
    private final Map<GaugeKey, AtomicLong> gaugeValues = new ConcurrentHashMap<>();

    private record GaugeKey(String name, Tags tags) {
    }

    DashboardMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void weightStats(String experiment, WeightStats stats) {
        Tags tags = Tags.of("experiment", experiment);
        set("east.dashboard.window.weight.mean", "Mean weight of the latest window", tags, stats.getWeightMean());
        set("east.dashboard.window.weight.min", "Smallest weight of the latest window", tags, stats.getWeightMin());
        set("east.dashboard.window.weight.max", "Largest weight of the latest window", tags, stats.getWeightMax());
        set("east.dashboard.window.normaliser", "Normaliser of the latest window", tags, stats.getNormaliser());
        set("east.dashboard.window.index", "Index of the latest window", tags, stats.getWindowIndex());
        Counter.builder("east.dashboard.groups.kept").description("Question groups kept, summed over windows")
                .tags(tags).register(registry).increment(stats.getKept());
        stats.getDiscarded().forEach((reason, count) -> Counter.builder("east.dashboard.groups.discarded")
                .description("Question groups discarded, by reason, summed over windows")
                .tags(tags.and("reason", reason.toString())).register(registry).increment(count));
    }

    void trainMetrics(TrainMetrics metrics) {
        Tags tags = Tags.of("experiment", FollowedTopics.experimentOf(metrics.getExperiment()));
        set("east.dashboard.train.loss", "Unweighted mean loss of the latest step", tags, metrics.getLoss());
        set("east.dashboard.train.weighted.loss", "Weighted loss of the latest step", tags,
                metrics.getWeightedLoss());
        set("east.dashboard.train.mean.weight", "Mean example weight of the latest step", tags,
                metrics.getMeanWeight());
        set("east.dashboard.train.step", "Latest optimiser step", tags, metrics.getStep());
    }

    void evalResult(EvalResult result) {
        Tags tags = Tags.of("experiment", FollowedTopics.experimentOf(result.getExperiment()),
                "model_version", Long.toString(result.getModelVersion()), "dataset", result.getDataset(),
                "split", result.getSplit());
        set("east.dashboard.eval.pass.at.1", "pass@1 of a model version", tags, result.getPassAt1());
        set("east.dashboard.eval.pass.at.1.ci.low", "Lower end of the pass@1 confidence interval", tags,
                result.getPassAt1CiLow());
        set("east.dashboard.eval.pass.at.1.ci.high", "Upper end of the pass@1 confidence interval", tags,
                result.getPassAt1CiHigh());
    }

    void modelVersion(ModelVersion version) {
        set("east.dashboard.model.version", "Latest published model version",
                Tags.of("experiment", FollowedTopics.experimentOf(version.getExperiment())), version.getVersion());
    }

    void recordRead(String topic) {
        Counter.builder("east.dashboard.records").description("Records read and shown").tag("topic", topic)
                .register(registry).increment();
    }

    void recordSkipped(String topic) {
        Counter.builder("east.dashboard.records.skipped").description("Records that did not decode, skipped")
                .tag("topic", topic).register(registry).increment();
    }

    private void set(String name, String description, Tags tags, double value) {
        AtomicLong bits = gaugeValues.computeIfAbsent(new GaugeKey(name, tags), key -> {
            AtomicLong holder = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
            Gauge.builder(name, holder, held -> Double.longBitsToDouble(held.get())).description(description)
                    .tags(tags).register(registry);
            return holder;
        });
        bits.set(Double.doubleToRawLongBits(value));
    }
}
