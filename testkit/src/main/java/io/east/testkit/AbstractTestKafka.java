package io.east.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What every {@link TestKafka} backend shares: the one admin client it hands out, made on first use and closed
 * before the Kafka itself stops.
 */
public abstract class AbstractTestKafka implements TestKafka {

    private Admin admin;

    @Override
    public final synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    @Override
    public final void close() {
        try {
            closeAdmin();
        } finally {
            stop();
        }
    }

    /** Stops the Kafka itself; its admin client is closed by then. Idempotent. */
    protected abstract void stop();

    private synchronized void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            } finally {
                admin = null;
            }
        }
    }
}
