/**
 * The live dashboard ({@code east dashboard}): one Kafka consumer reads east.weight-stats[.EXP], east.groups,
 * east.train-metrics, east.eval and east.model-versions from the beginning into bounded histories
 * ({@link io.east.dashboard.DashboardState}); an HTTP server built on the JDK's {@code com.sun.net.httpserver}
 * ({@link io.east.dashboard.DashboardServer}) serves the page and its assets from the jar, a snapshot at
 * {@code /api/state}, live updates as server-sent events at {@code /events}, and Prometheus {@code /metrics}.
 */
package io.east.dashboard;
