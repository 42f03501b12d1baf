package io.east.trainer;

import ai.djl.Device;
import io.east.model.Checkpoints;
import io.east.model.LlamaModel;
import io.east.model.NativeMemory;
import io.east.model.Precision;
import io.east.model.torch.LibTorchSetup;
import io.east.model.TextTokenizer;
import io.east.model.train.AdamW;
import io.east.model.train.LearningRateSchedule;
import io.east.model.train.LossKind;
import io.east.model.train.Trainer;
import io.east.model.train.TrainerSettings;
import io.east.metrics.ProcessMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer consumer put together: picks the checkpoint to start from, loads the policy (and for DPO/KTO the
 * frozen reference, always the --init checkpoint), restores the optimizer, opens the example source at the saved
 * positions, and runs a {@link TrainingLoop} whose steps and checkpoints are published on Kafka.
 *
 * <p>Start point: the newest complete checkpoint in --checkpoint-dir; with none, --init. An --init that carries an
 * east-state.json (a checkpoint of an earlier run) is continued: its version, counters and positions carry on.
 * A run resumed from --checkpoint-dir announces that checkpoint's ModelVersion first when the topic lacks it (the crash
 * came between writing it and announcing it), and does not publish the metrics of steps it redoes a second time.
 *
 * <p>Only one TrainerApp may run at a time in a JVM: the PyTorch engine allows one open gradient collector.
 */
public final class TrainerApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerApp.class);
    private static final int DEFAULT_MAX_SEQUENCE_LENGTH = 512;
    private static final Duration PROGRESS_READ_TIMEOUT = Duration.ofMinutes(2);

    private final Deque<AutoCloseable> resources;
    private final TrainingLoop loop;
    private final Checkpoint start;
    private final List<KafkaClientMetrics> clientMetrics;
    private final CountDownLatch finished = new CountDownLatch(1);

    private TrainerApp(Deque<AutoCloseable> resources, TrainingLoop loop, Checkpoint start,
            List<KafkaClientMetrics> clientMetrics) {
        this.resources = resources;
        this.loop = loop;
        this.start = start;
        this.clientMetrics = clientMetrics;
    }

    /**
     * @param kafkaProperties client properties (bootstrap servers, security); ignored when training from a file
     * @param observer told about every step and checkpoint besides the Kafka publisher (e.g. to print them)
     * @throws InvalidSetupException when the run cannot start as asked
     */
    public static TrainerApp open(TrainerAppSettings settings, Map<String, Object> kafkaProperties,
            TrainingListener observer) throws IOException {
        Objects.requireNonNull(observer, "observer");
        NativeMemory.reuseFreedMemory();
        requireModelDirectory(settings.init());
        if (settings.fromFile() && !Files.isRegularFile(settings.dataFile())) {
            throw new InvalidSetupException("--data: no such file: " + settings.dataFile());
        }
        Device device = settings.device().resolve();
        CheckpointStore store = new CheckpointStore(settings.checkpointDir());
        Files.createDirectories(store.root());
        store.cleanUp();
        Optional<Checkpoint> newest = store.newest();
        newest.ifPresent(c -> requireSameRun(c.state(), settings));
        Checkpoint start = newest.isPresent() ? newest.get() : initCheckpoint(settings);

        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Precision precision = settings.precision();
            LlamaModel policy = loadModel(start.directory(), Precision.FP32, precision);
            resources.push(policy);
            TextTokenizer tokenizer = TextTokenizer.load(start.directory());
            resources.push(tokenizer);
            LlamaModel reference = null;
            if (settings.loss() != LossKind.SFT) {
                // Frozen: it needs no fp32 master weights, so it is held in the compute precision.
                reference = loadModel(settings.init(), precision, precision);
                resources.push(reference);
            }
            Precision checkpoints = settings.checkpointPrecision() != null ? settings.checkpointPrecision()
                    : Checkpoints.weightPrecision(settings.init());
            Trainer trainer = new Trainer(policy, reference, tokenizer,
                    trainerSettings(settings, policy).withCheckpointPrecision(checkpoints));
            resources.push(trainer);
            boolean restored = trainer.restoreOptimizer(start.directory());

            TrainingListener listener = observer;
            List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
            ExampleSource source;
            if (settings.fromFile()) {
                source = FileExampleSource.open(settings.dataFile(), start.state().offsets());
                resources.push(source);
            } else {
                ensureTopics(kafkaProperties, settings.topic());
                KafkaExampleSource kafkaSource = KafkaExampleSource.open(kafkaProperties, settings.topic(),
                        settings.groupId(), start.state().offsets());
                source = kafkaSource;
                resources.push(source);
                clientMetrics.add(kafkaSource.clientMetrics());
                PublishedProgress published = newest.isPresent()
                        ? PublishedProgress.read(kafkaProperties, settings.recordKey(), PROGRESS_READ_TIMEOUT)
                        : PublishedProgress.NONE;
                KafkaTrainingPublisher publisher = new KafkaTrainingPublisher(kafkaProperties, settings.recordKey(),
                        published.highestStep());
                resources.push(publisher);
                clientMetrics.add(publisher.clientMetrics());
                if (newest.isPresent() && published.newestVersion() < start.version()) {
                    publisher.publish(start.toModelVersion());
                }
                listener = TrainingListener.both(publisher, observer);
            }
            LOG.atInfo().addKeyValue("from", start.directory()).addKeyValue("version", start.version())
                    .addKeyValue("step", start.state().step()).addKeyValue("examples_seen", start.state().examplesSeen())
                    .addKeyValue("optimizer_restored", restored).addKeyValue("source", source.describe())
                    .addKeyValue("loss", settings.lossId()).addKeyValue("device", device)
                    .addKeyValue("parameters", policy.parameterCount()).addKeyValue("batch_size", settings.batchSize())
                    .addKeyValue("precision", precision).addKeyValue("checkpoint_dtype", checkpoints)
                    .addKeyValue("libtorch", LibTorchSetup.describeLoaded())
                    .log(newest.isPresent() ? "trainer resuming" : "trainer starting");
            TrainingLoop loop = new TrainingLoop(settings, trainer, source, store, start, listener);
            return new TrainerApp(resources, loop, start, List.copyOf(clientMetrics));
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Puts the Kafka clients' own metrics (consumer lag, request rates) on the process's /metrics. */
    public void bindMetrics(ProcessMetrics metrics) {
        clientMetrics.forEach(metrics::bind);
    }

    /** The checkpoint this run started from. */
    public Checkpoint startedFrom() {
        return start;
    }

    /** Trains until --max-examples, the end of a --data file, or {@link #stop}. */
    public TrainingReport run() throws IOException {
        try {
            return loop.run();
        } finally {
            finished.countDown();
        }
    }

    /** Ends the run after the step in progress, with a final checkpoint. */
    public void stop() {
        loop.stop();
    }

    /** For a shutdown hook: waits until {@link #run} has written its final checkpoint. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    static TrainerSettings trainerSettings(TrainerAppSettings settings, LlamaModel policy) {
        int maxLength = settings.maxSequenceLength() > 0 ? settings.maxSequenceLength()
                : Math.min(DEFAULT_MAX_SEQUENCE_LENGTH, policy.maxPositions());
        if (maxLength > policy.maxPositions()) {
            throw new InvalidSetupException("--max-length " + maxLength + " exceeds the model's "
                    + policy.maxPositions() + " positions");
        }
        return TrainerSettings.defaults(settings.loss(),
                        LearningRateSchedule.constant(settings.learningRate(), settings.warmupSteps()))
                .withBeta(settings.beta())
                .withOptimizer(AdamW.Settings.defaults().withWeightDecay(settings.weightDecay())
                        .withMaxGradNorm(settings.gradClip()))
                .withMaxSequenceLength(maxLength);
    }

    private static LlamaModel loadModel(Path dir, Precision weights, Precision compute) throws IOException {
        try {
            return Checkpoints.loadModel(dir, weights, compute);
        } catch (IllegalStateException e) {
            if (LlamaModel.BF16_NEEDS_SETUP.equals(e.getMessage())) {
                throw new InvalidSetupException("--precision bf16: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Checks every file the load will read, weights and shards included, before anything starts. */
    private static void requireModelDirectory(Path dir) {
        List<Path> missing;
        try {
            missing = !Files.isDirectory(dir) ? List.of(dir)
                    : Checkpoints.filesRead(dir).stream().filter(file -> !Files.isRegularFile(file)).toList();
        } catch (IOException e) {
            throw new InvalidSetupException("--init " + dir + ": " + e.getMessage());
        }
        if (!missing.isEmpty()) {
            throw new InvalidSetupException("--init " + dir + " is not a checkpoint directory (config.json, "
                    + "model.safetensors, tokenizer.json): no " + missing.get(0).getFileName());
        }
    }

    private static Checkpoint initCheckpoint(TrainerAppSettings settings) throws IOException {
        Path init = settings.init();
        TrainerState state = Files.isRegularFile(init.resolve(Checkpoints.STATE_FILE))
                ? TrainerStateFile.read(init)
                : TrainerState.initial(settings.lossId(), settings.experiment(), init.toAbsolutePath().toString());
        return new Checkpoint(init, state);
    }

    /** A checkpoint directory belongs to one run: one loss, one experiment. */
    private static void requireSameRun(TrainerState state, TrainerAppSettings settings) {
        if (!state.loss().equals(settings.lossId())) {
            throw new InvalidSetupException("--checkpoint-dir " + settings.checkpointDir() + " holds a " + state.loss()
                    + " run; a " + settings.lossId() + " run needs a directory of its own");
        }
        if (!Objects.equals(state.experiment(), settings.experiment())) {
            throw new InvalidSetupException("--checkpoint-dir " + settings.checkpointDir() + " holds the run of "
                    + (state.experiment() == null ? "the main experiment" : "experiment " + state.experiment())
                    + "; give each experiment a directory of its own");
        }
        if (state.source() != null && !state.source().equals(settings.sourceId())) {
            LOG.atWarn().addKeyValue("checkpoint_source", state.source()).addKeyValue("source", settings.sourceId())
                    .log("resuming a run that read another source: its saved positions do not apply");
        }
    }

    /** The input topic (when it is one of ours) and the two topics the trainer writes. */
    private static void ensureTopics(Map<String, Object> kafkaProperties, String topic) {
        List<TopicSpec> specs = new ArrayList<>(List.of(EastTopics.TRAIN_METRICS, EastTopics.MODEL_VERSIONS));
        EastTopics.byName(topic).ifPresent(specs::add);
        try (Admin admin = Admin.create(kafkaProperties)) {
            TopicCreator.ensureTopics(admin, specs, TopicCreator.BROKER_DEFAULT_REPLICATION);
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.atWarn().log("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
