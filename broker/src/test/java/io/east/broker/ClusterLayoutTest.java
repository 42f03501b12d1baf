package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterLayoutTest {

    @Test
    void aBasePortGivesConsecutiveClientThenControllerPorts() {
        ClusterLayout layout = ClusterLayout.fromBase(3, 9092);
        assertThat(layout.clientPorts()).containsExactly(9092, 9093, 9094);
        assertThat(layout.controllerPorts()).containsExactly(9095, 9096, 9097);
        assertThat(layout.voters()).isEqualTo("1@127.0.0.1:9095,2@127.0.0.1:9096,3@127.0.0.1:9097");
        assertThat(layout.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094");
        assertThat(layout.bootstrapServers(2)).isEqualTo("127.0.0.1:9093");
    }

    @Test
    void refusesRepeatedPortsMismatchedListsAndUnknownNodes() {
        assertThatThrownBy(() -> new ClusterLayout(List.of(1, 2), List.of(3, 2))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new ClusterLayout(List.of(1, 2), List.of(3))).hasMessageContaining("one client");
        assertThatThrownBy(() -> ClusterLayout.fromBase(3, 65_532)).hasMessageContaining("65535");
        assertThatThrownBy(() -> ClusterLayout.fromBase(3, 9092).clientPort(4)).hasMessageContaining("1..3");
    }

    @Test
    void threeNodesReplicateThreeTimesWithMinIsrTwoAndOneNodeKeepsOne() {
        Properties node2 = NodeProperties.of(ClusterLayout.fromBase(3, 9092), 2, Path.of("/data"), Map.of());
        assertThat(node2.getProperty("node.id")).isEqualTo("2");
        assertThat(node2.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9093,CONTROLLER://127.0.0.1:9096");
        assertThat(node2.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(node2.getProperty("min.insync.replicas")).isEqualTo("2");
        assertThat(node2.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
        assertThat(node2.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
        assertThat(node2.getProperty("offsets.topic.replication.factor")).isEqualTo("3");

        assertThat(NodeProperties.replicationDefaults(1)).containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1");
    }
}
