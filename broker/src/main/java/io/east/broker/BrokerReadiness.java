package io.east.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until brokers answer a describe-cluster request, which is what every client needs first. */
public final class BrokerReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReadiness.class);
    private static final long RETRY_PAUSE_MS = 100;

    private BrokerReadiness() {
    }

    static void await(String bootstrapServers, Duration timeout) throws InterruptedException {
        await(bootstrapServers, timeout, 1);
    }

    /** Waits until the cluster reports at least {@code brokers} live brokers. */
    public static void await(String bootstrapServers, Duration timeout, int brokers) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "east-broker-readiness");
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (true) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    throw new IllegalStateException("Broker at " + bootstrapServers + " did not answer within "
                            + timeout, last);
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(remainingMs, TimeUnit.MILLISECONDS);
                    if (nodes.size() >= brokers) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                    LOG.debug("Broker at {} not ready yet: {}", bootstrapServers, e.toString());
                }
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
    }
}
