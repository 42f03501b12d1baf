package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three KRaft nodes in one JVM: topics get 3 replicas and min ISR 2, and acks=all writes go on while one node is down
 * and after it is back, with nothing lost or doubled.
 */
class EmbeddedKafkaClusterIT {

    @TempDir
    Path dataDir;

    @Test
    void writesSurviveOneNodeDownAndBack() throws Exception {
        String topic = EastTopics.QUESTIONS.name();
        try (EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(ClusterLayout.freePorts(3), dataDir).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            TopicCreator.ensureTopics(admin, TopicCreator.allSpecs(), (short) 3);
            TopicDescription questions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(questions.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source())
                    .as("set on the topic by --replication-factor 3").isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);

            Map<String, Object> producer = TestRecords.stringProducer(cluster.bootstrapServers());
            TestRecords.send(producer, topic, values(0, 50));
            cluster.stopNode(2);
            TestRecords.send(producer, topic, values(50, 100));
            cluster.startNode(2);
            TestRecords.send(producer, topic, values(100, 150));

            Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it-cluster");
            assertThat(TestRecords.readAtLeast(consumer, topic, 150)).containsExactlyInAnyOrderElementsOf(values(0, 150));
        }
        assertThat(EmbeddedKafkaCluster.nodeDir(dataDir, 3).resolve("meta.properties")).exists();
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "v-" + i).toList();
    }
}
