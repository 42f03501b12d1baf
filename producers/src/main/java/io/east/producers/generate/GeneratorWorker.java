package io.east.producers.generate;

import io.east.schemas.DeadLetters;
import io.east.metrics.ProcessMetrics;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generator worker: consumes question tasks as a member of its consumer group, samples n responses per task
 * through a {@link GenerationBackend}, grades them, and produces each polled batch's samples and dead letters in
 * ONE Kafka transaction together with the batch's consumed offsets. A crash before the commit leaves nothing
 * visible to read_committed readers and no committed offset, so the next owner of the partition generates the
 * whole batch again: no partial and no duplicate sample sets.
 *
 * <p>While the backend generates (on a thread of its own), this thread keeps polling with every partition paused:
 * the worker stays in its group however long generation takes, and sees rebalances at once. Tasks of partitions
 * revoked meanwhile are dropped from the transaction, since their new owner starts from the committed offset.
 * When a transaction fails (e.g. this member was fenced by a newer group generation), it is aborted and the
 * consumer rewinds to the batch's first offsets.
 *
 * <p>Run {@link #run()} on one thread and {@link #stop()} from any other (e.g. a shutdown hook). The worker closes
 * its Kafka clients when it stops; the backend belongs to the caller.
 */
public final class GeneratorWorker {

    /** The dead-letter reason of a task whose generation failed for good. */
    static final String GENERATION_FAILED = "generation_failed";
    /**
     * A sample the producer would refuse (its default max.request.size is 1 MiB, headers included) fails the whole
     * transaction on every retry; its task goes to the dead-letter topic instead.
     */
    static final int MAX_SAMPLE_BYTES = 1024 * 1024 - 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorWorker.class);
    /** How long the worker waits for generation between two polls that keep it in its group. */
    static final Duration GENERATION_POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration PAUSED_POLL = Duration.ofMillis(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerSettings settings;
    private final GenerationBackend backend;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final BatchRebalanceListener rebalance;
    private final ExecutorService generationThread;
    private final WorkerCounters counters = new WorkerCounters();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean inTransaction;

    GeneratorWorker(WorkerSettings settings, GenerationBackend backend, Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> producer, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rebalance = new BatchRebalanceListener(consumer);
        this.generationThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "east-generate-" + settings.workerId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A worker with its own Kafka clients.
     *
     * @param clientProperties bootstrap servers, security and tuning; see {@link GeneratorClients} for what is forced
     */
    public static GeneratorWorker create(Map<String, Object> clientProperties, WorkerSettings settings,
            GenerationBackend backend) {
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(GeneratorClients.consumerConfig(clientProperties, settings));
        try {
            KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(GeneratorClients.producerConfig(clientProperties, settings));
            return new GeneratorWorker(settings, backend, consumer, producer, Clock.systemUTC());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Consumes, generates and commits until {@link #stop()}; then closes the Kafka clients.
     *
     * @return what was committed
     * @throws WorkerFencedException when another live worker has the same worker id
     * @throws KafkaException when the Kafka clients fail beyond what aborting a transaction can repair
     * @throws IllegalStateException when the backend throws something other than a per-task failure
     */
    public WorkerStats run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a worker runs once");
        }
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(settings.topics().questions()), rebalance);
            LOG.atInfo().addKeyValue("worker", settings.workerId()).addKeyValue("group", settings.groupId())
                    .addKeyValue("topic", settings.topics().questions()).addKeyValue("batch", settings.batchSize())
                    .addKeyValue("generator", backend.generatorId())
                    .log("generator worker started");
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(settings.pollTimeout());
                if (!polled.isEmpty()) {
                    process(BatchPlan.of(polled));
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeClients();
            logStopped();
            // Last: a shutdown hook waiting on this lets the JVM halt right after.
            finished.countDown();
        }
        return counters.snapshot();
    }

    private void logStopped() {
        WorkerStats stats = counters.snapshot();
        LOG.atInfo().addKeyValue("worker", settings.workerId()).addKeyValue("tasks", stats.tasks())
                .addKeyValue("samples", stats.samples()).addKeyValue("dead_letters", stats.deadLetters())
                .addKeyValue("transactions", stats.transactions()).addKeyValue("aborted", stats.aborted())
                .log("generator worker stopped");
    }

    /** Asks the worker to stop: a batch being generated is abandoned (not committed), an open transaction aborted. */
    public void stop() {
        running.set(false);
        if (finished.getCount() > 0) {
            consumer.wakeup();
        }
    }

    /** Waits until {@link #run()} has closed the clients. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public WorkerStats stats() {
        return counters.snapshot();
    }

    /**
     * Publishes this worker's Kafka client metrics and its committed-work counters ({@code east_generate_*}, tagged
     * with the worker id) in {@code metrics}. Close {@code metrics} after {@link #run()} returns.
     */
    public void bindMetrics(ProcessMetrics metrics) {
        WorkerMeters.bind(metrics, settings.workerId(), consumer, producer, counters, rebalance);
    }

    /** The partitions this worker owns now, readable from any thread. */
    public Set<TopicPartition> assignedPartitions() {
        return rebalance.owned();
    }

    private void process(BatchPlan plan) throws InterruptedException {
        long start = System.nanoTime();
        List<PlannedRecord.Task> tasks = plan.tasks();
        Map<PlannedRecord.Task, GenerationOutcome> outcomes = new IdentityHashMap<>();
        Set<TopicPartition> revoked = Set.of();
        if (!tasks.isEmpty()) {
            rebalance.openBatch();
            try {
                List<GenerationOutcome> results = generate(tasks);
                for (int i = 0; i < tasks.size(); i++) {
                    outcomes.put(tasks.get(i), results.get(i));
                }
            } finally {
                revoked = rebalance.closeBatch();
            }
        }
        long generated = System.nanoTime();
        BatchPlan owned = plan.without(revoked);
        if (owned.records().size() < plan.records().size()) {
            LOG.atInfo().addKeyValue("revoked", revoked)
                    .addKeyValue("dropped", plan.records().size() - owned.records().size())
                    .log("partitions moved to another worker while generating: their tasks are left to it");
        }
        if (!owned.isEmpty()) {
            commit(owned, outcomes, Duration.ofNanos(generated - start));
        }
    }

    /** Runs the backend on its thread; meanwhile polls with every partition paused to stay in the group. */
    private List<GenerationOutcome> generate(List<PlannedRecord.Task> tasks) throws InterruptedException {
        List<GenerationRequest> requests = tasks.stream()
                .map(t -> new GenerationRequest(settings.template().fill(t.task().getQuestion()), t.task().getN()))
                .toList();
        Future<List<GenerationOutcome>> future =
                generationThread.submit(() -> backend.sampleAll(requests, settings.sampling()));
        consumer.pause(consumer.assignment());
        try {
            while (true) {
                try {
                    List<GenerationOutcome> outcomes =
                            future.get(GENERATION_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    if (outcomes.size() != requests.size()) {
                        throw new IllegalStateException("backend " + backend.generatorId() + " returned "
                                + outcomes.size() + " outcomes for " + requests.size() + " requests");
                    }
                    return outcomes;
                } catch (TimeoutException e) {
                    ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(PAUSED_POLL);
                    if (!unexpected.isEmpty()) {
                        giveBack(unexpected);
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException("backend " + backend.generatorId() + " failed: "
                            + e.getCause(), e.getCause());
                }
            }
        } finally {
            future.cancel(true);
            consumer.resume(consumer.assignment());
        }
    }

    /** Records polled while generating (a partition that escaped pausing) are handed back for the next poll. */
    private void giveBack(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
            consumer.pause(Set.of(partition));
        }
        LOG.atWarn().addKeyValue("partitions", records.partitions())
                .log("records arrived while generating; rewound to read them again later");
    }

    private void commit(BatchPlan plan, Map<PlannedRecord.Task, GenerationOutcome> outcomes, Duration generation) {
        Instant now = clock.instant();
        long start = System.nanoTime();
        long taskCount = 0;
        long sampleCount = 0;
        long deadLetterCount = 0;
        try {
            producer.beginTransaction();
            inTransaction = true;
            for (PlannedRecord record : plan.records()) {
                if (record instanceof PlannedRecord.Rejected rejected) {
                    sendDeadLetter(rejected.source(), rejected.reason(), rejected.detail(), now);
                    deadLetterCount++;
                } else if (record instanceof PlannedRecord.Task task) {
                    GenerationOutcome outcome = exactlyN(task.task(), outcomes.get(task));
                    List<byte[]> samples = outcome instanceof GenerationOutcome.Generated generated
                            ? serializedSamples(task.task(), generated.generations(), now)
                            : List.of();
                    String failure = outcome instanceof GenerationOutcome.Failed failed
                            ? failed.reason() : oversized(samples);
                    if (failure == null) {
                        sendSamples(task.task(), samples);
                        sampleCount += samples.size();
                        taskCount++;
                    } else {
                        sendDeadLetter(task.source(), GENERATION_FAILED, failure, now);
                        deadLetterCount++;
                    }
                }
            }
            producer.sendOffsetsToTransaction(plan.nextOffsets(), consumer.groupMetadata());
            producer.commitTransaction();
            inTransaction = false;
        } catch (ProducerFencedException e) {
            inTransaction = false;
            throw new WorkerFencedException("another worker with id '" + settings.workerId()
                    + "' (transactional id " + settings.transactionalId() + ") is running; this one stops", e);
        } catch (KafkaException e) {
            abort(e);
            rewind(plan);
            counters.aborted();
            LOG.atWarn().addKeyValue("partitions", plan.partitions()).addKeyValue("error", e.toString())
                    .log("transaction aborted; the batch will be polled again from its first offsets");
            return;
        }
        counters.committed(taskCount, sampleCount, deadLetterCount);
        LOG.atInfo().addKeyValue("tasks", taskCount).addKeyValue("samples", sampleCount)
                .addKeyValue("dead_letters", deadLetterCount).addKeyValue("offsets", plan.nextOffsets())
                .addKeyValue("generate_ms", generation.toMillis())
                .addKeyValue("commit_ms", Duration.ofNanos(System.nanoTime() - start).toMillis())
                .log("batch committed");
    }

    /** The task's n generations, or why it has none. */
    private static GenerationOutcome exactlyN(QuestionTask task, GenerationOutcome outcome) {
        return outcome == null ? new GenerationOutcome.Failed("no generation outcome") : outcome.exactly(task.getN());
    }

    private List<byte[]> serializedSamples(QuestionTask task, List<Generation> generations, Instant now) {
        List<ReasoningSample> samples = ReasoningSamples.of(task, generations, backend.generatorId(), now);
        LOG.atDebug().addKeyValue("task_id", task.getTaskId()).addKeyValue("n", samples.size())
                .addKeyValue("correct", samples.stream().filter(ReasoningSample::getCorrect).count())
                .log("task sampled");
        return samples.stream().map(sample -> EastSerdes.reasoningSample().serialize(sample)).toList();
    }

    /** Why the sample set cannot be sent, or null when every sample fits in one request. */
    private static String oversized(List<byte[]> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).length > MAX_SAMPLE_BYTES) {
                return "sample " + i + " is " + samples.get(i).length + " bytes, more than the " + MAX_SAMPLE_BYTES
                        + " a record may have; lower --max-new-tokens";
            }
        }
        return null;
    }

    private void sendSamples(QuestionTask task, List<byte[]> samples) {
        byte[] key = task.getTaskId().getBytes(StandardCharsets.UTF_8);
        for (byte[] sample : samples) {
            producer.send(new ProducerRecord<>(settings.topics().samples(), key, sample));
        }
    }

    private void sendDeadLetter(SourceRecord source, String reason, String detail, Instant now) {
        producer.send(new ProducerRecord<>(settings.topics().deadLetters(), source.key(),
                EastSerdes.deadLetter().serialize(DeadLetters.of(source.partition().topic(),
                        source.partition().partition(), source.offset(), source.key(), source.value(), reason, detail,
                        settings.component(), now))));
        LOG.atWarn().addKeyValue("source", source).addKeyValue("reason", reason).addKeyValue("detail", detail)
                .log("task sent to the dead-letter topic");
    }

    private void abort(KafkaException cause) {
        if (!inTransaction) {
            // beginTransaction itself failed: there is nothing to abort, and the producer is unusable.
            throw cause;
        }
        try {
            producer.abortTransaction();
            inTransaction = false;
        } catch (KafkaException fatal) {
            // The producer is in a fatal state (fenced, authorisation, protocol): nothing to retry here.
            inTransaction = false;
            fatal.addSuppressed(cause);
            if (fatal instanceof ProducerFencedException) {
                throw new WorkerFencedException("another worker with id '" + settings.workerId() + "' is running;"
                        + " this one stops", fatal);
            }
            throw fatal;
        }
    }

    /** Positions every still-owned partition of the batch back on the batch's first record. */
    private void rewind(BatchPlan plan) {
        Set<TopicPartition> assigned = consumer.assignment();
        plan.firstOffsets().forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private void closeClients() {
        generationThread.shutdownNow();
        if (inTransaction) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                LOG.atWarn().addKeyValue("error", e.toString()).log("could not abort the open transaction");
            }
            inTransaction = false;
        }
        try {
            // A static member leaves too when stopped on purpose, so its partitions move at once.
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("consumer did not close cleanly");
        }
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("producer did not close cleanly");
        }
    }
}
