package io.east.broker;

import io.east.schemas.topics.MinInsyncReplicas;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The properties of one node of a {@link ClusterLayout}: broker and controller in one process, a voter. */
public final class NodeProperties {

    private NodeProperties() {
    }

    static Properties of(ClusterLayout layout, int node, Path logDir, Map<String, String> extra) {
        int port = layout.clientPort(node);
        int controllerPort = layout.controllerPort(node);
        String host = ClusterLayout.HOST;
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(node));
        props.setProperty("controller.quorum.voters", layout.voters());
        props.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        replicationDefaults(layout.nodes()).forEach(props::setProperty);
        extra.forEach(props::setProperty);
        return props;
    }

    /**
     * Replication that fits a cluster of {@code nodes}: up to 3 replicas for every topic, internal ones included, and
     * a min ISR of 2 where there are 3, so an acknowledged write survives the loss of any one node. Also a fast first
     * rebalance and no topic creation by accident. A fresh, mutable map on each call.
     */
    public static Map<String, String> replicationDefaults(int nodes) {
        String replicas = String.valueOf(Math.min(3, nodes));
        String minIsr = String.valueOf(MinInsyncReplicas.forReplicas(Math.min(3, nodes)));
        String partitions = String.valueOf(Math.min(3, nodes));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("offsets.topic.replication.factor", replicas);
        defaults.put("offsets.topic.num.partitions", partitions);
        // Without these, transactional producers time out with INVALID_REPLICATION_FACTOR on a small cluster.
        defaults.put("transaction.state.log.replication.factor", replicas);
        defaults.put("transaction.state.log.min.isr", minIsr);
        defaults.put("transaction.state.log.num.partitions", partitions);
        defaults.put("share.coordinator.state.topic.replication.factor", replicas);
        defaults.put("share.coordinator.state.topic.min.isr", minIsr);
        defaults.put("default.replication.factor", replicas);
        defaults.put("min.insync.replicas", minIsr);
        // Consumers join at once instead of waiting 3 s for more members.
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("auto.create.topics.enable", "false");
        return defaults;
    }
}
