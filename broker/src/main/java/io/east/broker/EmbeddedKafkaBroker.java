package io.east.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running in this JVM, with replication settings
 * that let transactions and consumer groups work on one node. Several may run side by side.
 *
 * <p>Signals are the caller's business: a command-line wrapper starts the broker, registers a shutdown hook that
 * calls {@link #close()}, and blocks in {@link #awaitShutdown()}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.defaults()).start()) {
 *     use(broker.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>The broker logs through SLF4J under {@code kafka} and {@code org.apache.kafka}; set those to WARN to keep it
 * quiet.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final BrokerSettings settings;
    private final CountDownLatch closed = new CountDownLatch(1);
    private KafkaNode node;
    private Path dataDir;
    private int port;
    private int controllerPort;
    private boolean started;

    public EmbeddedKafkaBroker(BrokerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts a broker with free ports and a temporary data directory. */
    public static EmbeddedKafkaBroker startDefault() {
        return new EmbeddedKafkaBroker(BrokerSettings.defaults()).start();
    }

    /**
     * Formats the storage if it is new, starts the broker and returns once it answers clients. A broker starts at
     * most once; on failure everything started so far is stopped again.
     *
     * @return this, to chain into try-with-resources
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (started) {
            throw new IllegalStateException("An EmbeddedKafkaBroker starts only once; create a new one to restart");
        }
        started = true;
        long begin = System.nanoTime();
        try {
            dataDir = settings.keepsData() ? Files.createDirectories(settings.dataDir())
                    : Files.createTempDirectory("east-kafka-");
            int[] free = FreePorts.pick(2);
            port = settings.port() != 0 ? settings.port() : free[0];
            controllerPort = settings.controllerPort() != 0 ? settings.controllerPort()
                    : free[1] != port ? free[1] : free[0];
            node = new KafkaNode(new ClusterLayout(List.of(port), List.of(controllerPort)), 1, dataDir,
                    Optional.empty(), settings.extraProperties());
            node.start();
            BrokerReadiness.await(bootstrapServers(), settings.startTimeout());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not prepare the data directory", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the broker", e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker ready at {} in {} ms (data in {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), dataDir);
        return this;
    }

    /** {@code 127.0.0.1:PORT} of the PLAINTEXT listener. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return SingleNodeProperties.HOST + ":" + port;
    }

    public synchronized int port() {
        requireStarted();
        return port;
    }

    public synchronized int controllerPort() {
        requireStarted();
        return controllerPort;
    }

    public synchronized Path dataDir() {
        requireStarted();
        return dataDir;
    }

    public BrokerSettings settings() {
        return settings;
    }

    public synchronized boolean isRunning() {
        return node != null && node.isRunning();
    }

    /** Blocks until {@link #close()} has finished, typically called from a shutdown hook. */
    public void awaitShutdown() throws InterruptedException {
        closed.await();
    }

    /** Like {@link #awaitShutdown()}, giving up after {@code timeout}; true if the broker was closed. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the broker and waits for it; deletes the data directory unless it was given. Idempotent. */
    @Override
    public synchronized void close() {
        if (node != null && node.isRunning()) {
            long begin = System.nanoTime();
            node.close();
            LOG.info("Kafka broker at 127.0.0.1:{} stopped in {} ms", port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        }
        if (dataDir != null && !settings.keepsData()) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                LOG.warn("Could not delete the broker's temporary data directory {}", dataDir, e);
            }
        }
        closed.countDown();
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("The broker has not been started");
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + (port == 0 ? "not started" : "127.0.0.1:" + port) + "]";
    }
}
