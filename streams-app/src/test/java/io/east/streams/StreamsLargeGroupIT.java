package io.east.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.testkit.EmbeddedKafkaExtension;
import io.east.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A task whose open group holds more than 1 MiB of responses (n long chains of thought) is still grouped. */
class StreamsLargeGroupIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir
    Path stateDir;

    @Test
    void aGroupLargerThanOneMebibyteIsSummarised() throws Exception {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            TopicCreator.ensureAll(admin);
        }
        List<ReasoningSample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ReasoningSample sample = TestSamples.sample("long", i, 8, i < 3 ? "5" : "7", i < 3);
            sample.setResponse("Let me think step by step. ".repeat(8_000) + sample.getResponse());
            samples.add(sample);
        }
        assertThat(samples.stream().mapToInt(s -> EastSerdes.reasoningSample().serialize(s).length).sum())
                .isGreaterThan(1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ReasoningSample sample : samples) {
                producer.send(new ProducerRecord<>(EastTopics.SAMPLES.name(), "long".getBytes(StandardCharsets.UTF_8),
                        EastSerdes.reasoningSample().serialize(sample))).get();
            }
        }
        StreamsSettings settings = new StreamsSettings(null, new WeightingSettings(WeightStrategy.ENTROPY, 1,
                new Scope.Fixed(1), Clustering.EXACT, SelectionRules.STANDARD, 0), Duration.ofMinutes(10), 2,
                Duration.ofHours(1), 64);
        try (StreamsApp app = new StreamsApp(settings, client, stateDir, "exactly_once_v2").start();
             TopicReader<GroupSummary> groups = new TopicReader<>(KAFKA, EastTopics.GROUPS.name(),
                     EastSerdes.groupSummary().deserializer())) {
            List<GroupSummary> summaries = groups.valuesUntil(1, Duration.ofSeconds(90));
            assertThat(summaries).singleElement().satisfies(summary -> {
                assertThat(summary.getTaskId()).isEqualTo("long");
                assertThat(summary.getKept()).isTrue();
            });
            assertThat(app.streams().state().isRunningOrRebalancing()).isTrue();
        }
    }
}
