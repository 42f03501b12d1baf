package io.east.cli.broker;

import io.east.broker.BrokerSettings;
import io.east.broker.ClusterLayout;
import io.east.broker.EmbeddedKafkaCluster;
import io.east.broker.KafkaNode;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.schemas.topics.TopicCreator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a real KRaft broker, or a small cluster or one node of it, in this JVM until SIGTERM or Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true, sortOptions = false)
public final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Option(names = "--port", paramLabel = "P", defaultValue = "9092") private int port;
    @Option(names = "--data-dir", paramLabel = "D") private Path dataDir;
    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1") private int nodes;
    @Option(names = "--node", paramLabel = "K") private Integer node;
    @Option(names = "--cluster-id", paramLabel = "ID") private String clusterId;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        if (nodes > 1) {
            return node == null ? runCluster() : runNode();
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.builder().port(port).dataDir(dataDir).build());
        CountDownLatch stopped = stopOnSignal(() -> {
            broker.close();
            return null;
        });
        broker.start();
        createTopics(broker.bootstrapServers());
        LOG.atInfo().addKeyValue("bootstrap", broker.bootstrapServers())
                .addKeyValue("data_dir", broker.dataDir()).log("broker ready");
        announce(broker.bootstrapServers());
        stopped.await();
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (nodes < 1 || nodes > 9) {
            throw new UsageException("--nodes must be in 1..9, got " + nodes);
        }
        if (node != null && (nodes < 2 || node < 1 || node > nodes)) {
            throw new UsageException("--node must be in 1..--nodes, and --nodes at least 2; got --node " + node
                    + " --nodes " + nodes);
        }
        if (node != null && port == 0) {
            throw new UsageException("--node needs a fixed --port, so that the nodes find each other");
        }
        if (node != null && (clusterId == null || dataDir == null)) {
            throw new UsageException("--node needs --cluster-id and --data-dir, the same on every node");
        }
        if (clusterId != null) {
            Usage.check(() -> Uuid.fromString(clusterId), "--cluster-id: ");
        }
    }

    private ClusterLayout layout() {
        return port == 0 ? ClusterLayout.freePorts(nodes) : ClusterLayout.fromBase(nodes, port);
    }

    private int runCluster() throws Exception {
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(layout(), dataDir, Optional.ofNullable(clusterId),
                BrokerSettings.DEFAULT_START_TIMEOUT);
        CountDownLatch stopped = stopOnSignal(() -> QuietQuorumLogs.during(() -> {
            cluster.close();
            return null;
        }));
        QuietQuorumLogs.during(cluster::start);
        createTopics(cluster.bootstrapServers());
        LOG.atInfo().addKeyValue("bootstrap", cluster.bootstrapServers()).addKeyValue("nodes", nodes)
                .addKeyValue("data_dir", cluster.dataDir()).log("cluster ready");
        announce(cluster.bootstrapServers());
        stopped.await();
        return ExitCodes.OK;
    }

    /** One node: the topics are created by whoever starts the pipeline, once a quorum of nodes is up. */
    private int runNode() throws Exception {
        ClusterLayout layout = layout();
        Path dir = EmbeddedKafkaCluster.nodeDir(dataDir, node);
        KafkaNode kafkaNode = new KafkaNode(layout, node, dir, Optional.ofNullable(clusterId));
        CountDownLatch stopped = stopOnSignal(() -> {
            kafkaNode.close();
            return null;
        });
        // Alone, a node waits for a quorum of its peers; their unanswered ports are expected until they start.
        QuietQuorumLogs.during(() -> {
            kafkaNode.start();
            return null;
        });
        LOG.atInfo().addKeyValue("node", node).addKeyValue("port", layout.clientPort(node))
                .addKeyValue("data_dir", dir).log("node started");
        announce(layout.bootstrapServers());
        stopped.await();
        return ExitCodes.OK;
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicCreator.ensureAll(admin);
        }
    }

    private static CountDownLatch stopOnSignal(Callable<?> stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the broker");
            try {
                stop.call();
            } catch (Exception e) {
                LOG.error("could not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "east-broker-shutdown"));
        return stopped;
    }

    private static void announce(String bootstrap) {
        System.out.println("bootstrap=" + bootstrap);
        System.out.flush();
    }
}
