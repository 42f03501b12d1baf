package io.east.testkit;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;

/** The {@link TestKafka} backend that runs an {@link EmbeddedKafkaBroker} in this JVM. */
public final class EmbeddedTestKafka extends AbstractTestKafka {

    private final EmbeddedKafkaBroker broker;

    private EmbeddedTestKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    public static EmbeddedTestKafka start(BrokerSettings settings) {
        return new EmbeddedTestKafka(new EmbeddedKafkaBroker(settings).start());
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    protected void stop() {
        broker.close();
    }

    @Override
    public String toString() {
        return "EmbeddedTestKafka[" + broker + "]";
    }
}
