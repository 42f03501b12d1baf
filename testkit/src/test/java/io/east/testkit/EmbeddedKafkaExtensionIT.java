package io.east.testkit;

import io.east.broker.TestRecords;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaExtensionIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaExtensionIT.class);

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension(BrokerSettings.defaults(), "exp-1");

    @Test
    void everyEastTopicExistsWithItsPartitions(Admin admin) throws Exception {
        List<TopicSpec> specs = TopicCreator.allSpecs("exp-1");
        Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());

        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);

        assertThat(described.keySet()).contains("east.weighted.exp-1", "east.weight-stats.exp-1");
        for (TopicSpec spec : specs) {
            assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
        }
    }

    @Test
    void modelVersionsIsCompactedAndQuestionsAreNot(Admin admin) throws Exception {
        ConfigResource versions = new ConfigResource(ConfigResource.Type.TOPIC, EastTopics.MODEL_VERSIONS.name());
        ConfigResource questions = new ConfigResource(ConfigResource.Type.TOPIC, EastTopics.QUESTIONS.name());

        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(versions, questions)).all()
                .get(30, TimeUnit.SECONDS);

        assertThat(configs.get(versions).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(questions).get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void ensuringTopicsAgainCreatesNothing(Admin admin) {
        assertThat(TopicCreator.ensureAll(admin, "exp-1")).isEmpty();
    }

    @Test
    void recordsProducedAreConsumed() throws Exception {
        String topic = KAFKA.createTopic("it.plain", 2);
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "record-" + i).toList();

        TestRecords.send(KAFKA.producerProps(), topic, sent);
        List<String> read = TestRecords.readAtLeast(KAFKA.consumerProps("it-plain"), topic, sent.size());

        assertThat(read).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnly() {
        String topic = KAFKA.createTopic("it.transactions", 1);
        Map<String, Object> props = KAFKA.producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-transactions");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props,
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            sendInTransaction(producer, topic, List.of("committed-1", "committed-2"), true);
            sendInTransaction(producer, topic, List.of("aborted-1", "aborted-2"), false);
            sendInTransaction(producer, topic, List.of("committed-3"), true);
        }

        // The last committed record comes after the aborted ones, so seeing it means the aborted ones were skipped.
        List<String> committed = TestRecords.readUntil(KAFKA.consumerProps("it-read-committed"), topic,
                values -> values.contains("committed-3"));
        Map<String, Object> uncommittedProps = KAFKA.consumerProps("it-read-uncommitted");
        uncommittedProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<String> everything = TestRecords.readUntil(uncommittedProps, topic,
                values -> values.contains("committed-3"));

        assertThat(committed).containsExactly("committed-1", "committed-2", "committed-3");
        assertThat(everything).containsExactly("committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
    }

    @Test
    void aSecondBrokerRunsBesideTheFirstAndCleansUp(EmbeddedKafkaBroker first) throws Exception {
        long begin = System.nanoTime();
        Path dataDir;
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.startDefault()) {
            LOG.info("Second broker in this JVM started in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            dataDir = second.dataDir();
            assertThat(second.port()).isNotEqualTo(first.port());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
                TopicCreator.ensureTopics(admin, List.of(new TopicSpec("it.second", 1, Map.of(), String.class)),
                        (short) 1);
            }
            TestRecords.send(TestRecords.stringProducer(second.bootstrapServers()), "it.second", List.of("hello"));
            Map<String, Object> consumer = KAFKA.consumerProps("it-second");
            consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers());
            assertThat(TestRecords.readAtLeast(consumer, "it.second", 1)).containsExactly("hello");
            assertThat(first.isRunning()).isTrue();
        }
        assertThat(dataDir).satisfies(dir -> assertThat(Files.exists(dir)).isFalse());
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, List<String> values,
                                          boolean commit) {
        producer.beginTransaction();
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, value, value));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            // Flushing first makes the aborted records real log entries that read_committed must skip.
            producer.flush();
            producer.abortTransaction();
        }
    }
}
