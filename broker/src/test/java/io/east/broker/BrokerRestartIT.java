package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);

    @TempDir
    Path dataDir;

    @Test
    void topicsAndRecordsSurviveARestartOnTheSameDataDirAndPort() throws Exception {
        BrokerSettings settings = BrokerSettings.builder().dataDir(dataDir).build();
        List<String> sent = List.of("q-1", "q-2", "q-3");
        int port;

        try (EmbeddedKafkaBroker broker = timedStart(settings, "first start (formats storage)")) {
            port = broker.port();
            try (Admin admin = admin(broker)) {
                assertThat(TopicCreator.ensureAll(admin)).hasSameSizeAs(EastTopics.ALL);
            }
            TestRecords.send(TestRecords.stringProducer(broker.bootstrapServers()), EastTopics.QUESTIONS.name(), sent);
        }

        EmbeddedKafkaBroker restarted = timedStart(settings.toBuilder().port(port).build(), "restart");
        try (EmbeddedKafkaBroker broker = restarted) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(broker.awaitShutdown(Duration.ZERO)).isFalse();
            try (Admin admin = admin(broker)) {
                assertThat(TopicCreator.ensureAll(admin)).isEmpty();
            }
            Map<String, Object> consumer = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it-restart");
            assertThat(TestRecords.readAtLeast(consumer, EastTopics.QUESTIONS.name(), sent.size()))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
        assertThat(restarted.awaitShutdown(Duration.ZERO)).isTrue();
        assertThat(restarted.isRunning()).isFalse();
        assertThat(dataDir.resolve("meta.properties")).exists();
    }

    private static EmbeddedKafkaBroker timedStart(BrokerSettings settings, String what) {
        long begin = System.nanoTime();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings).start();
        LOG.info("Broker {} took {} ms", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return broker;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }
}
