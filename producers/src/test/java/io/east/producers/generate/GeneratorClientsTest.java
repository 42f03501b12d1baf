package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorClientsTest {

    private final WorkerSettings settings = WorkerSettings.defaults("w-1").withBatchSize(3);

    @Test
    void exactlyOnceSettingsCannotBeOverridden() {
        Map<String, Object> caller = Map.of("bootstrap.servers", "b:9092", "enable.auto.commit", "true",
                "isolation.level", "read_uncommitted", "transactional.id", "mine", "max.poll.records", "500",
                "auto.offset.reset", "latest", "security.protocol", "SASL_SSL");

        Map<String, Object> consumer = GeneratorClients.consumerConfig(caller, settings);
        assertThat(consumer).containsEntry("group.id", "east-generators")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("max.poll.records", 3)
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .as("a tunable the caller may change").containsEntry("auto.offset.reset", "latest");

        Map<String, Object> producer = GeneratorClients.producerConfig(caller, settings);
        assertThat(producer).containsEntry("transactional.id", "east-generator-w-1")
                .containsEntry("enable.idempotence", true)
                .containsEntry("acks", "all")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void defaultsReadFromTheStartWithACooperativeAssignor() {
        Map<String, Object> consumer = GeneratorClients.consumerConfig(Map.of(), settings);
        assertThat(consumer).containsEntry("auto.offset.reset", "earliest");
        assertThat(consumer.get("partition.assignment.strategy").toString()).contains("CooperativeStickyAssignor");
    }

    @Test
    void onlyAWorkerWithAGivenIdIsAStaticMember() {
        assertThat(GeneratorClients.consumerConfig(Map.of(), settings)).doesNotContainKey("group.instance.id");
        assertThat(GeneratorClients.consumerConfig(Map.of(), settings.withStaticMember(true)))
                .containsEntry("group.instance.id", settings.workerId());
    }

    @Test
    void aDeadWorkersPartitionsMoveAfterTenSecondsUnlessTheUserSetsTheSession() {
        assertThat(GeneratorClients.consumerConfig(Map.of(), settings)).containsEntry("session.timeout.ms", 10_000)
                .containsEntry("heartbeat.interval.ms", 3_333);
        assertThat(GeneratorClients.consumerConfig(Map.of("session.timeout.ms", "30000"), settings))
                .containsEntry("session.timeout.ms", "30000");
    }

    @Test
    void theDefaultWorkerIdIsAValidId() {
        String id = WorkerSettings.defaultWorkerId();
        assertThat(id).endsWith("-" + ProcessHandle.current().pid());
        assertThat(WorkerSettings.defaults(id).transactionalId()).isEqualTo("east-generator-" + id);
    }
}
