package io.east.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private static final Map<String, Object> USER = Map.of("bootstrap.servers", "b:9092",
            "security.protocol", "SASL_SSL", "acks", "1", "group.id", "someone", "enable.auto.commit", "true");

    @Test
    void aProducerIsIdempotentWithAcksAllWhateverTheUserSaidAndKeepsTheRest() {
        assertThat(ClientConfigs.idempotentProducer(USER, "east-test"))
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("client.id", "east-test");
        assertThat(ClientConfigs.idempotentProducer(Map.of("client.id", "mine"), "east-test"))
                .containsEntry("client.id", "mine");
    }

    @Test
    void aReaderIsInNoGroupCommitsNothingAndSeesOnlyCommittedRecords() {
        assertThat(ClientConfigs.assignedReader(USER, "east-test"))
                .doesNotContainKey("group.id").containsEntry("enable.auto.commit", false)
                .containsEntry("isolation.level", "read_committed").containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("client.id", "east-test");
        assertThat(USER).containsEntry("group.id", "someone");
    }
}
