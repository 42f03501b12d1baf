package io.east.testkit;

import io.east.schemas.topics.TopicCreator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Kafka per test class from a {@link TestKafkaBackend}, with every east topic created, and itself the
 * {@link TestKafka} the tests use:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestKafkaExtension KAFKA = new TestKafkaExtension(ContainerTestKafka::start);
 * }</pre>
 *
 * <p>A test body written against {@link TestKafka} runs on either backend: put it in an abstract class and let two
 * small subclasses register the extension with their backend. Test methods may also declare {@link TestKafka} or
 * {@link Admin} parameters. {@code @Nested} classes share their enclosing class's Kafka.
 */
public class TestKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestKafka {

    private final TestKafkaBackend backend;
    private final List<String> experiments;
    private TestKafka kafka;
    private String ownerId;

    /** Also creates the {@code .EXP} twins of the per-experiment topics for each experiment. */
    public TestKafkaExtension(TestKafkaBackend backend, String... experiments) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.experiments = List.of(experiments);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (kafka != null) {
            return;
        }
        ownerId = context.getUniqueId();
        kafka = backend.start();
        try {
            TopicCreator.ensureAll(kafka.admin(), experiments.toArray(String[]::new));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerId)) {
            close();
        }
    }

    /** The running Kafka; only between beforeAll and afterAll of the test class. */
    public synchronized TestKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka runs only between beforeAll and afterAll of the test class");
        }
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    @Override
    public Admin admin() {
        return kafka().admin();
    }

    /** Called by JUnit after the test class; calling it earlier stops the Kafka early. */
    @Override
    public synchronized void close() {
        ownerId = null;
        if (kafka != null) {
            try {
                kafka.close();
            } finally {
                kafka = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestKafka.class || type == Admin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Admin.class ? admin() : kafka();
    }
}
