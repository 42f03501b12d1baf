package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import io.east.testkit.EmbeddedKafkaExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `east topics create`: what the deployment's one-shot topics service runs before the apps start. */
class TopicsCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void createsTheTopicsThatAreMissingWithTheirPartitionsAndReportsEachTopic(Admin admin) throws Exception {
        CliRunner.Result first = CliRunner.run("topics", "create", "--experiment", "alpha2",
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        Map<String, JsonNode> rows = first.stdoutLines().stream().map(CliRunnerJson::parse)
                .collect(Collectors.toMap(row -> row.get("topic").asText(), row -> row));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(TopicCreator.allSpecs("alpha2").stream()
                .map(TopicSpec::name).toList());
        // The extension made the main topics already; only the experiment's twins are new.
        assertThat(rows.get("east.weighted.alpha2").get("created").asBoolean()).isTrue();
        assertThat(rows.get("east.weight-stats.alpha2").get("created").asBoolean()).isTrue();
        assertThat(rows.get(EastTopics.SAMPLES.name()).get("created").asBoolean()).isFalse();
        assertThat(rows.get(EastTopics.SAMPLES.name()).get("partitions").asInt())
                .isEqualTo(EastTopics.SAMPLES.partitions());
        Map<String, TopicDescription> twins = admin.describeTopics(List.of("east.weighted.alpha2",
                "east.weight-stats.alpha2")).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(twins.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(1));

        CliRunner.Result again = CliRunner.run("topics", "create", "--experiment", "alpha2",
                "--bootstrap", KAFKA.bootstrapServers());
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdoutLines()).allSatisfy(line -> assertThat(line).contains("\"created\":false"));
    }

    @Test
    void failsWhenTheClusterHasFewerBrokersThanTheReplicationFactor() throws Exception {
        CliRunner.Result result = CliRunner.run("topics", "create", "--replication-factor", "3", "--wait", "2s",
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Kafka had 1 of the 3 brokers needed");
    }

    @Test
    void rejectsAReplicationFactorBelowOne() throws Exception {
        CliRunner.Result result = CliRunner.run("topics", "create", "--replication-factor", "0",
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--replication-factor must be >= 1");
    }
}
