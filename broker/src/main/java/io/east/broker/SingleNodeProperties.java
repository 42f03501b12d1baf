package io.east.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The broker properties of a combined broker + controller that is its own, only, replica. */
final class SingleNodeProperties {

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

        // Internal topics default to 3 replicas; with one node they could never be created.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        // Without these two, transactional producers time out with INVALID_REPLICATION_FACTOR.
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        // Consumers join at once instead of waiting 3 s for more members.
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "false");

        extra.forEach(props::setProperty);
        return props;
    }
}
