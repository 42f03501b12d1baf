package io.east.streams;

import io.east.metrics.ProcessMetrics;
import io.east.schemas.topics.TopicCreator;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the topology: topics ensured, Kafka Streams configured for exactly-once, started, and closed cleanly. */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    /** Stream threads unless the client properties set num.stream.threads (see {@link #properties()}). */
    static final int DEFAULT_STREAM_THREADS = 2;
    /** The producer's retry backoff unless the client properties set one (see {@link #properties()}). */
    static final int TRANSACTION_RETRY_BACKOFF_MS = 10;
    /** The largest state record (a task's open group) the changelog takes: 256 samples at the largest sample size. */
    static final int MAX_STATE_RECORD_BYTES = 64 * 1024 * 1024;
    static final int SESSION_TIMEOUT_MS = 10_000;

    private final StreamsSettings settings;
    private final Map<String, Object> clientProperties;
    private final Path stateDir;
    private final String processingGuarantee;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;
    private KafkaStreams streams;

    /**
     * @param clientProperties bootstrap.servers plus any client settings (security, timeouts), passed to every
     *                         client Kafka Streams creates
     * @param processingGuarantee exactly_once_v2 (default) or at_least_once
     */
    public StreamsApp(StreamsSettings settings, Map<String, Object> clientProperties, Path stateDir,
            String processingGuarantee) {
        this.settings = settings;
        this.clientProperties = Map.copyOf(clientProperties);
        this.stateDir = stateDir;
        this.processingGuarantee = processingGuarantee;
    }

    public synchronized StreamsApp start() {
        try (Admin admin = Admin.create(new HashMap<>(clientProperties))) {
            if (settings.isExperiment()) {
                TopicCreator.ensureAll(admin, settings.experiment());
            } else {
                TopicCreator.ensureAll(admin);
            }
        }
        streams = new KafkaStreams(StreamsTopology.build(settings), properties());
        streams.setUncaughtExceptionHandler(exception -> {
            failure = exception;
            LOG.error("streams app stopped by an error it cannot skip", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.atInfo().addKeyValue("from", before).addKeyValue("to", now).log("streams state");
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        LOG.atInfo().addKeyValue("application_id", settings.applicationId())
                .addKeyValue("weighted", settings.weightedTopic())
                .addKeyValue("scope", settings.weighting().scope().id())
                .addKeyValue("strategy", settings.weighting().strategy().id())
                .addKeyValue("alpha", settings.weighting().alpha())
                .addKeyValue("processing_guarantee", processingGuarantee).log("streams app started");
        return this;
    }

    /**
     * The configuration this app gives Kafka Streams: the client properties (-X), the app's identity, guarantee and
     * state directory, and its defaults where the client properties set none.
     */
    public Properties properties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Under exactly-once a thread stops processing while it commits and while it waits for records, so a second
        // thread keeps the cores busy meanwhile; the samples topic's 6 partitions give each thread 3 tasks.
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, DEFAULT_STREAM_THREADS);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // commit.interval.ms stays at the exactly-once default of 100 ms: longer commits raise throughput but double
        // the tail latency from sample to example (docs/benchmarks.md). It can be set with -X.
        // Under transactions v2 a produce that reaches a partition while the previous transaction's markers are still
        // being written is refused with CONCURRENT_TRANSACTIONS until they are in; each retry after the producer's
        // default 100 ms backoff then stalls the whole commit (KAFKA-20000). Retries still back off exponentially up to
        // retry.backoff.max.ms.
        String retryBackoff = ProducerConfig.RETRY_BACKOFF_MS_CONFIG;
        if (!props.containsKey(retryBackoff) && !props.containsKey(StreamsConfig.producerPrefix(retryBackoff))) {
            props.put(StreamsConfig.producerPrefix(retryBackoff), TRANSACTION_RETRY_BACKOFF_MS);
        }
        // A killed instance's tasks move only once its session expires: 10 s instead of the default 45 s.
        String session = ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG;
        if (!props.containsKey(session) && !props.containsKey(StreamsConfig.consumerPrefix(session))) {
            props.put(StreamsConfig.consumerPrefix(session), SESSION_TIMEOUT_MS);
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), SESSION_TIMEOUT_MS / 3);
        }
        // A task's open group is one state record with its n samples, each up to SampleValidator.MAX_SAMPLE_BYTES, so
        // its changelog record can pass the 1 MiB that producers and topics allow by default.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_STATE_RECORD_BYTES);
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), MAX_STATE_RECORD_BYTES);
        // A new experiment replays the whole sample log; a restarted one resumes from its committed offsets.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Publishes Kafka Streams' own metrics (per thread, task, processor node and state store, and those of its
     * clients) in {@code metrics}; call after {@link #start()}, and close {@code metrics} after {@link #close()}.
     */
    public synchronized void bindMetrics(ProcessMetrics metrics) {
        if (streams == null) {
            throw new IllegalStateException("start the streams app before binding its metrics");
        }
        metrics.bind(new KafkaStreamsMetrics(streams));
    }

    public StreamsSettings settings() {
        return settings;
    }

    /** Blocks until the app stops; returns whether it stopped because of an error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failure != null;
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (stopped.await(50, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }
    }
}
