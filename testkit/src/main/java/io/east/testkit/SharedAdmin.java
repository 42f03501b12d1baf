package io.east.testkit;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one admin client a {@link TestKafka} hands out: made on first use, closed with the Kafka. */
public final class SharedAdmin implements AutoCloseable {

    private final Supplier<String> bootstrapServers;
    private Admin admin;

    public SharedAdmin(Supplier<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get()));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            try {
                admin.close();
            } finally {
                admin = null;
            }
        }
    }
}
