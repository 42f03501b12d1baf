package io.east.broker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a cluster reports enough live brokers in a describe-cluster answer: what every client needs first, and
 * what creating topics with a replication factor above one needs, since a deployment starts that job with the first
 * healthy broker.
 */
public final class BrokerReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReadiness.class);
    private static final long RETRY_PAUSE_MS = 100;
    private static final int MAX_REQUEST_MS = 10_000;

    private BrokerReadiness() {
    }

    static void await(String bootstrapServers, Duration timeout) throws InterruptedException {
        await(bootstrapServers, timeout, 1);
    }

    /** Waits until the cluster at {@code bootstrapServers} reports at least {@code brokers} live brokers. */
    public static void await(String bootstrapServers, Duration timeout, int brokers) throws InterruptedException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "east-broker-readiness");
        try (Admin admin = Admin.create(config)) {
            await(admin, brokers, timeout);
        }
    }

    /**
     * Waits until {@code admin}'s cluster reports at least {@code brokers} live brokers. Wrong credentials or missing
     * rights fail at once: they do not heal by waiting.
     */
    public static void await(Admin admin, int brokers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        Throwable last = null;
        String logged = null;
        while (true) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw new IllegalStateException("Kafka had " + seen + " of the " + brokers + " brokers needed after "
                        + timeout + (last == null ? "" : "; last error: " + last), last);
            }
            try {
                seen = admin.describeCluster(new DescribeClusterOptions()
                        .timeoutMs((int) Math.min(remainingMs, MAX_REQUEST_MS)))
                        .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
                if (seen >= brokers) {
                    return;
                }
                last = null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof AuthorizationException) {
                    throw (RuntimeException) e.getCause();
                }
                last = e.getCause();
            } catch (TimeoutException e) {
                last = e;
            }
            String state = seen + "/" + brokers + (last == null ? "" : " " + last);
            if (!state.equals(logged)) {
                LOG.atInfo().addKeyValue("brokers", seen).addKeyValue("wanted", brokers)
                        .addKeyValue("error", last == null ? null : last.toString()).log("waiting for brokers");
                logged = state;
            }
            Thread.sleep(RETRY_PAUSE_MS);
        }
    }
}
