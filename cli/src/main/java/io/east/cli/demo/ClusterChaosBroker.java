package io.east.cli.demo;

import io.east.broker.BrokerReadiness;
import io.east.broker.ClusterLayout;
import io.east.broker.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of separate {@code east broker --node K} processes, so that one node can die by SIGKILL as a
 * machine would, while the others keep serving; the killed node is started again on its data.
 */
final class ClusterChaosBroker implements ChaosBroker {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterChaosBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildProcesses processes;
    private final ClusterLayout layout;
    private final List<List<String>> commands = new ArrayList<>();
    private final List<ChildProcesses.Child> nodes = new ArrayList<>();
    private final Random random;
    private final List<String> killed = new ArrayList<>();

    ClusterChaosBroker(int nodeCount, Path dataDir, Path logDir, long seed) throws Exception {
        this.processes = new ChildProcesses(logDir);
        this.random = new Random(seed);
        int base = FreePorts.pickConsecutive(2 * nodeCount);
        this.layout = ClusterLayout.fromBase(nodeCount, base);
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= nodeCount; node++) {
            commands.add(List.of("broker", "--nodes", Integer.toString(nodeCount), "--node", Integer.toString(node),
                    "--port", Integer.toString(base), "--cluster-id", clusterId, "--data-dir", dataDir.toString()));
            nodes.add(processes.start(name(node), commands.get(node - 1)));
        }
        try {
            BrokerReadiness.await(bootstrapServers(), START_TIMEOUT, nodeCount);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        LOG.atInfo().addKeyValue("bootstrap", bootstrapServers()).log("chaos: cluster ready");
    }

    @Override
    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    @Override
    public void disrupt() throws Exception {
        int node = 1 + random.nextInt(layout.nodes());
        Duration down = Duration.ofMillis(2_000 + random.nextInt(8_000));
        ChildProcesses.Child child = nodes.get(node - 1);
        if (!child.process().isAlive()) {
            throw new IllegalStateException("broker node " + node + " stopped on its own; see " + child.log());
        }
        child.process().destroyForcibly().waitFor();
        LOG.atInfo().addKeyValue("node", node).addKeyValue("down_ms", down.toMillis())
                .log("chaos: killed a broker node with SIGKILL");
        Thread.sleep(down.toMillis());
        nodes.set(node - 1, processes.start(name(node), commands.get(node - 1)));
        // Asked through the restarted node itself: the others still list it until its session times out.
        BrokerReadiness.await(layout.bootstrapServers(node), START_TIMEOUT, layout.nodes());
        killed.add("node " + node + " down " + down.toMillis() / 100 / 10.0 + " s");
        LOG.atInfo().addKeyValue("node", node).log("chaos: broker node back");
    }

    @Override
    public String disruptions() {
        return "broker restarts " + killed.size() + " (" + layout.nodes() + " nodes, SIGKILL of " + killed + ")";
    }

    /** The run is over and the data is not needed again: no node waits for a quorum that is leaving. */
    @Override
    public void close() {
        for (ChildProcesses.Child node : nodes) {
            node.process().destroyForcibly();
        }
        processes.close();
    }

    private static String name(int node) {
        return "broker-" + node;
    }
}
