package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.schemas.ModelVersion;
import io.east.schemas.serde.EastSerdes;
import io.east.testkit.EmbeddedKafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TailCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void decodesEveryRecordToJsonAndReportsOnesThatDoNotDecode() throws Exception {
        String topic = KAFKA.createTopic("east.model-versions.tail-test", 1);
        byte[] first = EastSerdes.modelVersion().serialize(version(1, null));
        byte[] second = EastSerdes.modelVersion().serialize(version(2, 1L));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KAFKA.producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "main", first));
            producer.send(new ProducerRecord<>(topic, "main", "not avro".getBytes()));
            producer.send(new ProducerRecord<>(topic, "main", second));
            producer.flush();
        }

        CliRunner.Result result = CliRunner.run("tail", topic, "--from-beginning", "--timeout", "3s",
                "--bootstrap", KAFKA.bootstrapServers());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        List<JsonNode> rows = result.stdoutLines().stream().map(CliRunnerJson::parse).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("parent_version").isNull()).isTrue();
        assertThat(rows.get(1).get("parent_version").asLong()).isEqualTo(1);
        assertThat(rows.get(1).get("checkpoint_uri").asText()).isEqualTo("file:///ckpt/v2");
        assertThat(result.stderr()).contains("record of " + topic + " partition 0 offset 1 does not decode");
    }

    @Test
    void stopsAfterMaxRecords() throws Exception {
        String topic = KAFKA.createTopic("east.model-versions.tail-max", 1);
        try (KafkaProducer<String, ModelVersion> producer = new KafkaProducer<>(KAFKA.producerProps(),
                new StringSerializer(), EastSerdes.modelVersion().serializer())) {
            for (int v = 1; v <= 5; v++) {
                producer.send(new ProducerRecord<>(topic, "main", version(v, null)));
            }
            producer.flush();
        }
        CliRunner.Result result = CliRunner.run("tail", topic, "--from-beginning", "--max", "3",
                "--bootstrap", KAFKA.bootstrapServers());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).hasSize(3);
    }

    @Test
    void withoutTimeoutOrMaxItFollowsUntilSigtermThenFinishesCleanly() throws Exception {
        String topic = KAFKA.createTopic("east.model-versions.tail-follow", 1);
        try (KafkaProducer<String, ModelVersion> producer = new KafkaProducer<>(KAFKA.producerProps(),
                new StringSerializer(), EastSerdes.modelVersion().serializer())) {
            producer.send(new ProducerRecord<>(topic, "main", version(1, null)));
            producer.send(new ProducerRecord<>(topic, "main", version(2, 1L)));
            producer.flush();
        }

        try (EastProcess tail = EastProcess.start("tail-follow", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "tail", topic, "--from-beginning", "--bootstrap", KAFKA.bootstrapServers())) {
            await().atMost(Duration.ofMinutes(1)).until(() -> printedVersions(tail.output()).size() == 2);
            assertThat(tail.process().isAlive()).as("tail keeps following after the last record").isTrue();

            String output = tail.stop();
            // Asked to stop, it closes its consumer and logs its count before the JVM exits.
            assertThat(printedVersions(output)).containsExactly(1L, 2L);
            assertThat(output).containsPattern("INFO .*tail finished .*records=\"2\"");
        }
    }

    /** The versions of the JSON lines among the output's log lines. */
    private static List<Long> printedVersions(String output) {
        return output.lines().filter(line -> line.startsWith("{"))
                .map(line -> CliRunnerJson.parse(line).get("version").asLong()).toList();
    }

    @Test
    void anUnknownTopicIsAUsageError() throws Exception {
        CliRunner.Result result = CliRunner.run("tail", "east.nothing-here", "--timeout", "1s",
                "-X", "default.api.timeout.ms=5000", "--bootstrap", KAFKA.bootstrapServers());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("topic east.nothing-here does not exist");
    }

    private static ModelVersion version(long version, Long parent) {
        return ModelVersion.newBuilder().setVersion(version).setCheckpointUri("file:///ckpt/v" + version)
                .setStep(version * 10).setParentVersion(parent).setCreatedAt(Instant.ofEpochMilli(1000)).build();
    }
}
