package io.east.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft cluster of several nodes in this JVM, each a broker and a controller, with replication 3 and min ISR 2
 * when there are three: what a production cluster looks like, on one machine. Node {@code i} keeps its data in
 * {@code dataDir/node-i}; a node can be stopped and started again on its data while the others serve.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(ClusterLayout.freePorts(3), null).start()) {
 *     use(cluster.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    private final ClusterLayout layout;
    private final Path dataDir;
    private final boolean temporary;
    private final Duration startTimeout;
    private final List<KafkaNode> nodes = new ArrayList<>();

    /**
     * @param dataDir where the nodes keep their data, reused by a later cluster on it; {@code null} means a temporary
     *     directory deleted on close
     * @param clusterId the id new storage is formatted with; empty picks a random one (kept storage keeps its own)
     */
    public EmbeddedKafkaCluster(ClusterLayout layout, Path dataDir, Optional<String> clusterId, Duration startTimeout) {
        this.layout = layout;
        this.temporary = dataDir == null;
        this.startTimeout = startTimeout;
        try {
            this.dataDir = temporary ? Files.createTempDirectory("east-kafka-cluster-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the cluster's data directory " + dataDir, e);
        }
        String id = clusterId.orElseGet(() -> Uuid.randomUuid().toString());
        for (int node = 1; node <= layout.nodes(); node++) {
            nodes.add(new KafkaNode(layout, node, nodeDir(this.dataDir, node), Optional.of(id), Map.of()));
        }
    }

    public EmbeddedKafkaCluster(ClusterLayout layout, Path dataDir) {
        this(layout, dataDir, Optional.empty(), BrokerSettings.DEFAULT_START_TIMEOUT);
    }

    /** Where node {@code node} of a cluster in {@code dataDir} keeps its logs and metadata. */
    public static Path nodeDir(Path dataDir, int node) {
        return dataDir.resolve("node-" + node);
    }

    /** Starts every node at once (a broker waits for the quorum) and returns when all answer clients. */
    public EmbeddedKafkaCluster start() {
        long begin = System.nanoTime();
        try {
            onEveryNode(KafkaNode::start);
            BrokerReadiness.await(bootstrapServers(), startTimeout, layout.nodes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the cluster", e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Kafka cluster of {} nodes ready at {} in {} ms (data in {})", layout.nodes(), bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), dataDir);
        return this;
    }

    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    public ClusterLayout layout() {
        return layout;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops one node (a controlled shutdown: its partitions' leadership moves to the others first). */
    public void stopNode(int node) {
        nodes.get(node - 1).close();
        LOG.info("Kafka node {} stopped", node);
    }

    /** Starts a stopped node again on its data and waits until the cluster has all its brokers back. */
    public void startNode(int node) throws InterruptedException {
        nodes.get(node - 1).start();
        BrokerReadiness.await(bootstrapServers(), startTimeout, layout.nodes());
        LOG.info("Kafka node {} back", node);
    }

    /** Stops every node at once, so no broker waits for a quorum that is already gone; deletes temporary data. */
    @Override
    public void close() {
        long begin = System.nanoTime();
        onEveryNode(KafkaNode::close);
        LOG.info("Kafka cluster at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        if (temporary) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                LOG.warn("Could not delete the cluster's temporary data directory {}", dataDir, e);
            }
        }
    }

    private void onEveryNode(Consumer<KafkaNode> action) {
        List<CompletableFuture<Void>> all = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node), runnable -> {
                    Thread thread = new Thread(runnable, "east-kafka-node");
                    thread.setDaemon(true);
                    thread.start();
                }))
                .toList();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
}
