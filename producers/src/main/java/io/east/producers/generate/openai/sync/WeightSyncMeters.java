package io.east.producers.generate.openai.sync;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of weight sync, read from its counters at scrape time: the served version
 * ({@code east_generate_policy_version}, as the DJL backend names it), sync latency ({@code
 * east_generate_weight_sync_seconds_{count,sum}} and {@code east_generate_weight_sync_last_seconds}), failures, retries,
 * refused pointers, and the time generation paused for syncs ({@code east_generate_weight_sync_paused_seconds_total}).
 */
public final class WeightSyncMeters {

    private WeightSyncMeters() {
    }

    public static void bind(MeterRegistry registry, String key, WeightSyncer syncer) {
        Tags tags = Tags.of("key", key, "sync", syncer.mode().id());
        WeightSyncCounters counters = syncer.counters();
        Gauge.builder("east.generate.policy.version", syncer, WeightSyncer::servedVersion)
                .description("The model version the server serves, as weight sync made it").tags(tags)
                .register(registry);
        FunctionTimer.builder("east.generate.weight.sync", counters, WeightSyncCounters::loads,
                        WeightSyncCounters::loadSeconds, TimeUnit.SECONDS)
                .description("Syncs that made the server serve a new version, and the time from asking to "
                        + "confirmation, retries included").tags(tags).register(registry);
        Gauge.builder("east.generate.weight.sync.last", counters, WeightSyncCounters::lastLoadSeconds)
                .baseUnit("seconds").description("The latest successful sync's duration").tags(tags)
                .register(registry);
        counter(registry, "east.generate.weight.sync.failures", "Versions the server did not load after every attempt",
                tags, counters, WeightSyncCounters::failures);
        counter(registry, "east.generate.weight.sync.retries", "Load attempts repeated after a failure", tags,
                counters, WeightSyncCounters::retries);
        counter(registry, "east.generate.weight.sync.refused", "Announced checkpoints refused: not under the root",
                tags, counters, WeightSyncCounters::refusedPointers);
        FunctionCounter.builder("east.generate.weight.sync.paused", counters, WeightSyncCounters::pausedSeconds)
                .baseUnit("seconds").description("Time generation waited for syncs, failed ones included").tags(tags)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags,
            WeightSyncCounters counters, ToDoubleFunction<WeightSyncCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).tags(tags).register(registry);
    }
}
