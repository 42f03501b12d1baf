package io.east.testkit;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * One real broker in this JVM per test class, with every east topic created: the {@link TestKafkaExtension} of the
 * embedded backend, which also hands out the {@link EmbeddedKafkaBroker} itself.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 * }</pre>
 *
 * <p>Test methods may also declare {@link EmbeddedKafkaBroker}, {@link TestKafka} or {@link Admin} parameters.
 */
public final class EmbeddedKafkaExtension extends TestKafkaExtension {

    /** A broker on free ports with a temporary data directory, and the east topics without experiment twins. */
    public EmbeddedKafkaExtension() {
        this(BrokerSettings.defaults());
    }

    /** Also creates the {@code .EXP} twins of the per-experiment topics for each experiment. */
    public EmbeddedKafkaExtension(BrokerSettings settings, String... experiments) {
        super(TestKafkaBackend.embedded(settings), experiments);
    }

    public EmbeddedKafkaBroker broker() {
        return ((EmbeddedTestKafka) kafka()).broker();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class
                || super.supportsParameter(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class ? broker()
                : super.resolveParameter(parameterContext, extensionContext);
    }
}
