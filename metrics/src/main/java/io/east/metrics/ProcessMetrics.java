package io.east.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one east process: a Prometheus registry whose every meter carries the tag {@code component} (streams,
 * generate, train, dashboard...), with JVM memory, GC, threads, class loading, CPU and uptime bound from the start.
 *
 * <p>Bind the Kafka clients the process owns, e.g. {@code bind(new KafkaClientMetrics(consumer))} or
 * {@code bind(new KafkaStreamsMetrics(streams))}: binders that hold threads or listeners (those two, GC metrics) are
 * closed with this object, so close it after the clients' last use and before the JVM exits. Thread-safe.
 */
public final class ProcessMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMetrics.class);
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final String component;
    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private boolean closed;

    private ProcessMetrics(String component) {
        this.component = component;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("component", component);
    }

    /** A registry with the JVM and process binders bound. */
    public static ProcessMetrics create(String component) {
        Objects.requireNonNull(component, "component");
        if (!COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("component must match " + COMPONENT.pattern() + ", got '"
                    + component + "'");
        }
        ProcessMetrics metrics = new ProcessMetrics(component);
        metrics.bind(new JvmMemoryMetrics())
                .bind(new JvmGcMetrics())
                .bind(new JvmThreadMetrics())
                .bind(new ClassLoaderMetrics())
                .bind(new JvmInfoMetrics())
                .bind(new ProcessorMetrics())
                .bind(new UptimeMetrics());
        return metrics;
    }

    public String component() {
        return component;
    }

    /** Where the process registers its own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Binds a binder; an {@link AutoCloseable} one is closed with this object. */
    public synchronized ProcessMetrics bind(MeterBinder binder) {
        Objects.requireNonNull(binder, "binder");
        if (closed) {
            throw new IllegalStateException("the metrics of " + component + " are closed");
        }
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
        return this;
    }

    /** Every meter in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** Every meter in the format an {@code Accept} header asks for: OpenMetrics or the Prometheus text format. */
    public String scrape(String contentType) {
        return registry.scrape(contentType);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // One stuck binder must not keep the others (or the registry) open.
                LOG.atWarn().addKeyValue("component", component).addKeyValue("binder", closeable.getClass().getName())
                        .setCause(e).log("closing a metrics binder failed");
            }
        }
        registry.close();
    }
}
