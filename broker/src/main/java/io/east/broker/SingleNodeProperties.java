package io.east.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The broker properties of a combined broker + controller that is its own, only, replica. */
public final class SingleNodeProperties {

    static final String HOST = ClusterLayout.HOST;

    private SingleNodeProperties() {
    }

    static Properties of(int port, int controllerPort, Path logDir, Map<String, String> extra) {
        return NodeProperties.of(new ClusterLayout(List.of(port), List.of(controllerPort)), 1, logDir, extra);
    }

    /**
     * What makes one node a working cluster, whatever runs it: replication factors of 1, transactions and groups that
     * need no second replica, a fast first rebalance, no topic creation by accident. The container backend in
     * east-testkit applies the same map, so both backends behave alike. A fresh, mutable map on each call.
     */
    public static Map<String, String> singleReplicaDefaults() {
        return NodeProperties.replicationDefaults(1);
    }
}
