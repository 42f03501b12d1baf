package io.east.bench.streams;

import io.east.schemas.WeightedExample;
import io.east.schemas.serde.AvroSerde;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.WholeTopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an experiment's WeightedExamples as the trainer would (read_committed) on its own thread and notes when
 * each task's example became visible. Every record of one poll shares that poll's receive time.
 */
final class ArrivalWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalWatcher.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final AtomicLongArray received;
    private final AtomicInteger receivedKept = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final SerializedSampleLog log;
    private final AvroSerde<WeightedExample> serde = EastSerdes.weightedExample();
    private volatile boolean stopping;
    private volatile Throwable failure;

    ArrivalWatcher(BenchClients clients, String topic, SerializedSampleLog log) {
        this.consumer = clients.committedReader("bench-latency-watcher");
        this.topic = topic;
        this.log = log;
        this.received = new AtomicLongArray(log.tasks());
        for (int t = 0; t < log.tasks(); t++) {
            taskIndex.put(log.taskId(t), t);
        }
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = WholeTopic.assign(consumer, topic, Duration.ofSeconds(30),
                    "the bench's streams app writes there");
            consumer.seekToBeginning(partitions);
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    note(serde.deserialize(record.value()).getTaskId(), now);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll up.
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("the latency watcher stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void note(String taskId, long now) {
        Integer task = taskIndex.get(taskId);
        if (task == null || !log.kept(task)) {
            unexpected.incrementAndGet();
        } else if (!received.compareAndSet(task, 0L, now)) {
            duplicates.incrementAndGet();
        } else {
            receivedKept.incrementAndGet();
        }
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** nanoTime the task's example was received, 0 if not (yet). */
    long received(int task) {
        return received.get(task);
    }

    int receivedKept() {
        return receivedKept.get();
    }

    int unexpected() {
        return unexpected.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    Throwable failure() {
        return failure;
    }
}
