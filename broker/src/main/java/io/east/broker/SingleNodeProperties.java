package io.east.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The broker properties of a combined broker + controller that is its own, only, replica. */
public final class SingleNodeProperties {

    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;

    private SingleNodeProperties() {
    }

    static Properties of(int port, int controllerPort, Path logDir, Map<String, String> extra) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        // Static voters, so the storage is formatted without --standalone.
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        singleReplicaDefaults().forEach(props::setProperty);
        extra.forEach(props::setProperty);
        return props;
    }

    /**
     * What makes one node a working cluster, whatever runs it: replication factors of 1, transactions and groups that
     * need no second replica, a fast first rebalance, no topic creation by accident. The container backend in
     * east-testkit applies the same map, so both backends behave alike. A fresh, mutable map on each call.
     */
    public static Map<String, String> singleReplicaDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        // Internal topics default to 3 replicas; with one node they could never be created.
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("offsets.topic.num.partitions", "1");
        // Without these two, transactional producers time out with INVALID_REPLICATION_FACTOR.
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("transaction.state.log.num.partitions", "1");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        defaults.put("default.replication.factor", "1");
        defaults.put("min.insync.replicas", "1");
        // Consumers join at once instead of waiting 3 s for more members.
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("auto.create.topics.enable", "false");
        return defaults;
    }
}
