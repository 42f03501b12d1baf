package io.east.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.broker.SingleNodeProperties;
import org.junit.jupiter.api.Test;

/** The container backend is configured like the embedded broker (runs without Docker). */
class ContainerTestKafkaTest {

    @Test
    void brokerPropertiesBecomeTheImagesEnvironmentVariables() {
        assertThat(ContainerTestKafka.envName("transaction.state.log.min.isr"))
                .isEqualTo("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
        assertThat(ContainerTestKafka.envName("listener.name.sasl_plaintext.plain.sasl.jaas.config"))
                .isEqualTo("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_PLAIN_SASL_JAAS_CONFIG");
        assertThat(ContainerTestKafka.envName("a-b.c")).isEqualTo("KAFKA_A___B_C");
    }

    @Test
    void theContainerGetsEverySingleReplicaSettingOfTheEmbeddedBroker() {
        assertThat(ContainerTestKafka.environment())
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .hasSameSizeAs(SingleNodeProperties.singleReplicaDefaults());
    }
}
