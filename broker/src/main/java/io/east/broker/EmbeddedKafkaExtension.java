package io.east.broker;

import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real broker per test class, with every east topic created:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 * }</pre>
 *
 * <p>Test methods may also declare {@link EmbeddedKafkaBroker} or {@link Admin} parameters. {@code @Nested} classes
 * share their enclosing class's broker. Modules using it add {@code junit-jupiter-api} themselves (it is an optional
 * dependency here).
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final BrokerSettings settings;
    private final List<String> experiments;
    private EmbeddedKafkaBroker broker;
    private Admin admin;
    private String ownerId;

    /** A broker on free ports with a temporary data directory, and the east topics without experiment twins. */
    public EmbeddedKafkaExtension() {
        this(BrokerSettings.defaults());
    }

    /** Also creates the {@code .EXP} twins of the per-experiment topics for each experiment. */
    public EmbeddedKafkaExtension(BrokerSettings settings, String... experiments) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.experiments = List.of(experiments);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (broker != null) {
            return;
        }
        ownerId = context.getUniqueId();
        broker = new EmbeddedKafkaBroker(settings).start();
        try {
            TopicCreator.ensureAll(admin(), experiments.toArray(String[]::new));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerId)) {
            stop();
        }
    }

    private void stop() {
        try {
            if (admin != null) {
                admin.close();
            }
        } finally {
            admin = null;
            ownerId = null;
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }

    public synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("The broker runs only between beforeAll and afterAll of the test class");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Shared by the whole test class and closed after it: do not close it yourself. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    /** A fresh, mutable producer config: acks=all, idempotent, byte-array serializers unless replaced. */
    public Map<String, Object> producerProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * A fresh, mutable consumer config: reads from the earliest offset, only committed transactional records,
     * byte-array deserializers unless replaced.
     */
    public Map<String, Object> consumerProps(String groupId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** Creates a test's own topic unless it exists; returns its name. */
    public String createTopic(String name, int partitions) {
        TopicCreator.ensureTopics(admin(), List.of(new TopicSpec(name, partitions, Map.of(), byte[].class)),
                TopicCreator.BROKER_DEFAULT_REPLICATION);
        return name;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedKafkaBroker.class || type == Admin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Admin.class ? admin() : broker();
    }
}
