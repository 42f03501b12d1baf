package io.east.producers.generate;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A worker with id "unit" on Kafka's mock clients and a {@link GatedBackend}, reading topic "q" and writing samples to
 * "s"; it runs on a thread of its own once started, and closing stops it.
 */
final class WorkerOnMockClients implements AutoCloseable {

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final GatedBackend backend = new GatedBackend();
    private final GeneratorWorker worker = new GeneratorWorker(
            WorkerSettings.defaults("unit").withTopics(new GenerateTopics("q", "s", "d")), backend, consumer,
            producer, Clock.systemUTC());
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    MockConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    MockProducer<byte[], byte[]> producer() {
        return producer;
    }

    GatedBackend backend() {
        return backend;
    }

    GeneratorWorker worker() {
        return worker;
    }

    /**
     * Runs the worker; its first poll is assigned the partitions with one task at offset 0 of each, "a" on partition 0,
     * "b" on partition 1 and so on.
     */
    Future<WorkerStats> startWith(TopicPartition... partitions) {
        consumer.updateBeginningOffsets(Stream.of(partitions).collect(Collectors.toMap(p -> p, p -> 0L)));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(partitions));
            for (TopicPartition partition : partitions) {
                consumer.addRecord(task(partition, 0, String.valueOf((char) ('a' + partition.partition()))));
            }
        });
        return thread.submit(worker::run);
    }

    /** A task asking for 2 samples of "What is 2*3?", as the record at {@code offset} of the partition. */
    static ConsumerRecord<byte[], byte[]> task(TopicPartition partition, long offset, String taskId) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                taskId.getBytes(StandardCharsets.UTF_8),
                EastSerdes.questionTask().serialize(Tasks.task(taskId, "What is 2*3?", "6", 2)));
    }

    /** Every sample the worker has sent, committed or not. */
    List<ReasoningSample> samples() {
        return producer.history().stream().filter(r -> r.topic().equals("s")).map(ProducerRecord::value)
                .map(EastSerdes.reasoningSample()::deserialize).toList();
    }

    @Override
    public void close() {
        worker.stop();
        backend.open();
        thread.shutdownNow();
    }
}
