package io.east.cli.topics;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for enough brokers to create topics with the wanted replication: in a deployment the topics job starts with
 * the first healthy broker, and a replication factor above the live broker count would fail.
 */
final class ClusterReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReadiness.class);
    private static final long PAUSE_MS = 500;

    private ClusterReadiness() {
    }

    static void awaitBrokers(Admin admin, int wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        Throwable last = null;
        while (true) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw new IllegalStateException("Kafka had " + seen + " of the " + wanted + " brokers needed after "
                        + timeout + (last == null ? "" : "; last error: " + last), last);
            }
            try {
                seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(remainingMs, 10_000)))
                        .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
                if (seen >= wanted) {
                    return;
                }
                LOG.atInfo().addKeyValue("brokers", seen).addKeyValue("wanted", wanted).log("waiting for brokers");
            } catch (ExecutionException e) {
                // Wrong credentials or missing rights do not heal by waiting.
                if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof AuthorizationException) {
                    throw (RuntimeException) e.getCause();
                }
                last = e.getCause();
                LOG.atInfo().addKeyValue("error", last.toString()).log("waiting for Kafka");
            } catch (TimeoutException e) {
                last = e;
            }
            Thread.sleep(PAUSE_MS);
        }
    }
}
