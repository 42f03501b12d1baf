package io.east.dashboard;

import io.east.schemas.topics.EastTopics;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a dashboard runs.
 *
 * @param bind the address the page is served on; 127.0.0.1 unless the operator says otherwise
 * @param port the port, or 0 for any free one
 * @param experiments the experiments whose east.weight-stats.EXP are shown beside the main app's
 * @param history how many windows, steps, evaluations and model versions each experiment keeps
 * @param groups how many of the latest east.groups records are kept
 * @param clientProperties bootstrap.servers and any client settings (security, timeouts) for the consumer
 */
public record DashboardSettings(String bind, int port, List<String> experiments, int history, int groups,
        Map<String, Object> clientProperties) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_HISTORY = 500;
    public static final int DEFAULT_GROUPS = 200;

    public DashboardSettings {
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind address must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        experiments = List.copyOf(experiments);
        experiments.forEach(EastTopics::validateExperiment);
        if (experiments.stream().distinct().count() != experiments.size()) {
            throw new IllegalArgumentException("experiments must be distinct, got " + experiments);
        }
        if (experiments.contains(EastTopics.MAIN_KEY)) {
            throw new IllegalArgumentException("'" + EastTopics.MAIN_KEY + "' names the main app; it is always shown");
        }
        if (history < 1 || groups < 1) {
            throw new IllegalArgumentException("history and groups must be >= 1, got " + history + " and " + groups);
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    /** The defaults of {@code east dashboard} against one Kafka cluster. */
    public static DashboardSettings defaults(Map<String, Object> clientProperties) {
        return new DashboardSettings(DEFAULT_BIND, DEFAULT_PORT, List.of(), DEFAULT_HISTORY, DEFAULT_GROUPS,
                clientProperties);
    }

    public DashboardSettings withPort(int newPort) {
        return new DashboardSettings(bind, newPort, experiments, history, groups, clientProperties);
    }

    public DashboardSettings withBind(String newBind) {
        return new DashboardSettings(newBind, port, experiments, history, groups, clientProperties);
    }

    public DashboardSettings withExperiments(List<String> newExperiments) {
        return new DashboardSettings(bind, port, newExperiments, history, groups, clientProperties);
    }

    public DashboardSettings withHistory(int newHistory, int newGroups) {
        return new DashboardSettings(bind, port, experiments, newHistory, newGroups, clientProperties);
    }
}
