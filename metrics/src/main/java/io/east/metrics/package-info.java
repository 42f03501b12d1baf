/**
 * Prometheus {@code /metrics} for every long-running east process. {@link io.east.metrics.ProcessMetrics} is one
 * process's Micrometer registry with JVM metrics bound; bind Kafka client or Kafka Streams binders to it, and your own
 * meters; {@link io.east.metrics.MetricsServer} serves it on a port of its own, or {@link
 * io.east.metrics.MetricsEndpoint} on a path of an HTTP server you already run.
 */
package io.east.metrics;
