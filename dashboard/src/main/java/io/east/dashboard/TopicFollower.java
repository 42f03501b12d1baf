package io.east.dashboard;

import io.east.metrics.ProcessMetrics;
import io.east.schemas.topics.TopicSpec;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer, on a thread of its own, that reads every partition of the followed topics from the beginning.
 *
 * <p>It assigns partitions itself rather than joining a consumer group: every dashboard wants every record, and a
 * group would only add rebalances and committed offsets nobody uses. Topics that do not exist yet (an experiment not
 * started) are looked up again every few seconds, and partitions added later are picked up within a minute.
 */
final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REFRESH_WHILE_MISSING = Duration.ofSeconds(3);
    private static final Duration REFRESH_WHEN_COMPLETE = Duration.ofSeconds(60);
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicSpec> topics;
    private final RecordRouter router;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile boolean everyTopicFound;
    private boolean started;

    TopicFollower(Map<String, Object> clientProperties, List<TopicSpec> topics, RecordRouter router) {
        this.consumer = new KafkaConsumer<>(consumerConfig(clientProperties));
        this.topics = List.copyOf(topics);
        this.router = router;
        this.thread = new Thread(this::run, "east-dashboard-consumer");
        thread.setDaemon(true);
    }

    static Map<String, Object> consumerConfig(Map<String, Object> clientProperties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "east-dashboard");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(clientProperties);
        // Aborted transactions (a generator that crashed mid-task) must never be drawn.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Reading must not create a topic with the broker's default partitions before TopicCreator makes it.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    /** Kafka client metrics of this consumer in the dashboard's /metrics. */
    void bindMetrics(ProcessMetrics metrics) {
        metrics.bind(new KafkaClientMetrics(consumer));
    }

    synchronized void start() {
        started = true;
        thread.start();
    }

    /** The partitions read now. */
    Set<TopicPartition> assignment() {
        return assigned;
    }

    private void run() {
        long nextRefresh = 0;
        try {
            while (stopping.getCount() > 0) {
                try {
                    if (System.nanoTime() - nextRefresh >= 0) {
                        refreshAssignment();
                        Duration every = everyTopicFound ? REFRESH_WHEN_COMPLETE : REFRESH_WHILE_MISSING;
                        nextRefresh = System.nanoTime() + every.toNanos();
                    }
                    if (assigned.isEmpty()) {
                        stopping.await(REFRESH_WHILE_MISSING.toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        router.route(record);
                    }
                } catch (WakeupException e) {
                    // close() woke us up: the loop condition ends it
                } catch (KafkaException e) {
                    // The broker may come back; keep serving what is known and try again.
                    LOG.atWarn().addKeyValue("error", e.toString()).log("dashboard consumer failed; retrying");
                    stopping.await(BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            stopped.countDown();
        }
    }

    private void refreshAssignment() {
        Set<TopicPartition> wanted = new HashSet<>(assigned);
        boolean allFound = true;
        for (TopicSpec topic : topics) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic.name(), LOOKUP_TIMEOUT);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                partitions = List.of();
            }
            if (partitions == null || partitions.isEmpty()) {
                allFound = false;
                continue;
            }
            partitions.forEach(info -> wanted.add(new TopicPartition(info.topic(), info.partition())));
        }
        everyTopicFound = allFound;
        if (wanted.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(assigned);
        consumer.assign(wanted);
        consumer.seekToBeginning(added);
        assigned = Set.copyOf(wanted);
        LOG.atInfo().addKeyValue("added", added.size()).addKeyValue("partitions", wanted.size())
                .addKeyValue("all_topics_found", allFound).log("dashboard reads partitions from the beginning");
    }

    @Override
    public synchronized void close() {
        if (!started) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            return;
        }
        stopping.countDown();
        consumer.wakeup();
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("dashboard consumer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
