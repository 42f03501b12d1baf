package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SingleNodePropertiesTest {

    @Test
    void everyInternalTopicFitsOnOneNode() {
        Properties props = SingleNodeProperties.of(9092, 9093, Path.of("/data"), Map.of());

        assertThat(props).containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void listenersUseTheGivenPorts() {
        Properties props = SingleNodeProperties.of(9092, 9093, Path.of("/data"), Map.of());

        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(props.getProperty("log.dirs")).isEqualTo(Path.of("/data").toAbsolutePath().toString());
    }

    @Test
    void extraPropertiesWin() {
        Properties props = SingleNodeProperties.of(9092, 9093, Path.of("/data"),
                Map.of("min.insync.replicas", "2", "num.io.threads", "2"));

        assertThat(props).containsEntry("min.insync.replicas", "2").containsEntry("num.io.threads", "2");
    }
}
