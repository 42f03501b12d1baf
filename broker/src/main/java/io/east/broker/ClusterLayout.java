package io.east.broker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Where the nodes of a KRaft cluster on this host listen. Node {@code i} (1-based) is a broker and a controller in
 * one, with client port {@code clientPorts[i-1]} and controller port {@code controllerPorts[i-1]}; every node is a
 * voter of the metadata quorum.
 */
public record ClusterLayout(List<Integer> clientPorts, List<Integer> controllerPorts) {

    static final String HOST = "127.0.0.1";

    public ClusterLayout {
        clientPorts = List.copyOf(clientPorts);
        controllerPorts = List.copyOf(controllerPorts);
        if (clientPorts.isEmpty() || clientPorts.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("a cluster needs one client and one controller port per node, got "
                    + clientPorts + " and " + controllerPorts);
        }
        Set<Integer> seen = new HashSet<>();
        for (int port : concat(clientPorts, controllerPorts)) {
            if (port < 1 || port > 65_535 || !seen.add(port)) {
                throw new IllegalArgumentException("cluster ports must be distinct and in 1..65535, got client "
                        + clientPorts + ", controller " + controllerPorts);
            }
        }
    }

    /** Node i listens on {@code base + i - 1} for clients and {@code base + nodes + i - 1} for controllers. */
    public static ClusterLayout fromBase(int nodes, int base) {
        if (nodes < 1 || base < 1 || base + 2 * nodes - 1 > 65_535) {
            throw new IllegalArgumentException("need nodes >= 1 and ports " + base + ".." + (base + 2 * nodes - 1)
                    + " in 1..65535");
        }
        return new ClusterLayout(IntStream.range(0, nodes).map(i -> base + i).boxed().toList(),
                IntStream.range(0, nodes).map(i -> base + nodes + i).boxed().toList());
    }

    /** Free ports for every listener. */
    public static ClusterLayout freePorts(int nodes) {
        int[] ports = FreePorts.pick(2 * nodes);
        return new ClusterLayout(IntStream.range(0, nodes).map(i -> ports[i]).boxed().toList(),
                IntStream.range(0, nodes).map(i -> ports[nodes + i]).boxed().toList());
    }

    public int nodes() {
        return clientPorts.size();
    }

    public int clientPort(int node) {
        return clientPorts.get(index(node));
    }

    public int controllerPort(int node) {
        return controllerPorts.get(index(node));
    }

    /** {@code 1@127.0.0.1:C1,2@127.0.0.1:C2,...}: the static quorum, so storage is formatted without a bootstrap. */
    public String voters() {
        return IntStream.rangeClosed(1, nodes()).mapToObj(node -> node + "@" + HOST + ":" + controllerPort(node))
                .collect(Collectors.joining(","));
    }

    /** Every node's client address, so clients find the cluster while any node is down. */
    public String bootstrapServers() {
        return clientPorts.stream().map(port -> HOST + ":" + port).collect(Collectors.joining(","));
    }

    /** One node's client address: a request there is answered only once that node's broker runs. */
    public String bootstrapServers(int node) {
        return HOST + ":" + clientPort(node);
    }

    private int index(int node) {
        if (node < 1 || node > nodes()) {
            throw new IllegalArgumentException("node must be in 1.." + nodes() + ", got " + node);
        }
        return node - 1;
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
