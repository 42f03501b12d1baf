package io.east.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** One node of a {@link ClusterLayout} in this JVM: formats its storage when new, starts, stops. Starts once. */
public final class KafkaNode implements AutoCloseable {

    private final Properties props;
    private final Optional<String> clusterId;
    private KafkaRaftServer server;

    /**
     * @param clusterId the id to format new storage with (every node of a cluster needs the same one); empty picks a
     *     random one, which only a single-node cluster can use
     */
    public KafkaNode(ClusterLayout layout, int node, Path logDir, Optional<String> clusterId) {
        this(layout, node, logDir, clusterId, Map.of());
    }

    KafkaNode(ClusterLayout layout, int node, Path logDir, Optional<String> clusterId, Map<String, String> extra) {
        this.props = NodeProperties.of(layout, node, logDir, extra);
        this.clusterId = clusterId;
    }

    /** Returns once the node runs; in a cluster its broker may wait for a quorum, so start the nodes together. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("node " + props.getProperty("node.id") + " is already running");
        }
        StorageFormatter.formatIfNeeded(props, clusterId);
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server = started;
        started.startup();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the node and waits for it. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                server = null;
            }
        }
    }
}
