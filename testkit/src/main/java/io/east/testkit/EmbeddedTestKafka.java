package io.east.testkit;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;

/** The {@link TestKafka} backend that runs an {@link EmbeddedKafkaBroker} in this JVM. */
public final class EmbeddedTestKafka implements TestKafka {

    private final EmbeddedKafkaBroker broker;
    private final SharedAdmin admin;

    private EmbeddedTestKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.admin = new SharedAdmin(broker::bootstrapServers);
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
    public Admin admin() {
        return admin.get();
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            broker.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedTestKafka[" + broker + "]";
    }
}
