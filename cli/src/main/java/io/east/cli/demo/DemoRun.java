package io.east.cli.demo;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.cli.common.Progress;
import io.east.cli.common.SamplingBackend;
import io.east.model.FileTrees;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicCreator;
import io.east.trainer.BaseModelCache;
import io.east.trainer.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo run: the base model, an embedded broker, then the whole loop — feed, generate, streams, train, new model
 * versions, generators reloading them, evaluation of each version — for the configured time, and a summary.
 * Everything it writes lives under the work directory; every process it starts is stopped before it returns.
 */
final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration LAST_EVAL_GRACE = Duration.ofSeconds(90);

    private final DemoSettings settings;
    private final SamplingBackend backend;

    DemoRun(DemoSettings settings, SamplingBackend backend) {
        this.settings = settings;
        this.backend = backend;
    }

    /**
     * The base model, taught the synthetic task's format by a warm-up on labelled training problems (cached in the
     * work directory), copied to {@code run/base} of a run directory emptied first.
     */
    static Path freshRunWithBase(DemoSettings settings) throws IOException {
        Path cachedBase = baseModel(settings);
        Path run = settings.runDir();
        FileTrees.deleteRecursively(run);
        Path base = run.resolve("base");
        copyDirectory(cachedBase, base);
        Files.createDirectories(run.resolve("logs"));
        return base;
    }

    private static Path baseModel(DemoSettings settings) throws IOException {
        BaseModelCache.Recipe recipe = settings.baseModelRecipe();
        try (Progress progress = Progress.start("base model warm-up", "steps", BaseModelCache.steps(recipe))) {
            return BaseModelCache.prepare(recipe, settings.workDir(), new TrainingListener() {
                @Override
                public void stepped(TrainMetrics metrics) {
                    progress.stepTo(metrics.getStep());
                }
            });
        }
    }

    DemoTally.Snapshot run() throws Exception {
        Path base = freshRunWithBase(settings);
        Path run = settings.runDir();
        BrokerSettings brokerSettings = BrokerSettings.builder().dataDir(run.resolve("kafka")).build();
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(brokerSettings).start();
             ChildProcesses stages = new ChildProcesses(run.resolve("logs"))) {
            Map<String, Object> client = prepareLoop(stages, broker.bootstrapServers(), base);
            DemoStages.startAll(stages, settings, backend, broker.bootstrapServers(), run, base);
            try (DemoTally tally = new DemoTally(client)) {
                Thread counting = new Thread(tally, "east-demo-tally");
                counting.start();
                runUntilDeadline(stages, tally);
                DemoStages.windDown(stages, tally, LAST_EVAL_GRACE);
                tally.stop();
                counting.join();
                tally.drain();
                return tally.snapshot();
            }
        }
    }

    private void runUntilDeadline(ChildProcesses stages, DemoTally tally) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(settings.duration());
        Instant nextProgress = start.plus(PROGRESS_EVERY);
        while (Instant.now().isBefore(deadline)) {
            var exited = stages.exited();
            if (exited.isPresent()) {
                throw new IllegalStateException("the " + exited.get().name() + " stage stopped on its own (exit "
                        + exited.get().process().exitValue() + "); see " + exited.get().log());
            }
            if (!Instant.now().isBefore(nextProgress)) {
                DemoReport.progress(Duration.between(start, Instant.now()), tally.snapshot());
                nextProgress = nextProgress.plus(PROGRESS_EVERY);
            }
            Thread.sleep(Math.min(1_000, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
        }
    }

    /**
     * Readies a fresh broker for the loop's stages: its topics, and the base model announced as version 0. The stages
     * are stopped on Ctrl-C too, since the JVM then runs shutdown hooks, not finally blocks. Returns the client
     * settings for that broker.
     */
    static Map<String, Object> prepareLoop(ChildProcesses stages, String bootstrap, Path base) {
        Runtime.getRuntime().addShutdownHook(new Thread(stages::close, "east-demo-stop-stages"));
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(client)) {
            TopicCreator.ensureAll(admin);
        }
        announceBaseModel(client, base);
        return client;
    }

    /** The base model is version 0, so the generator starts with it and the evaluator measures it first. */
    private static void announceBaseModel(Map<String, Object> client, Path base) {
        ModelVersion version = ModelVersion.newBuilder()
                .setVersion(0)
                .setCheckpointUri(base.toAbsolutePath().toUri().toString())
                .setStep(0)
                .setParentVersion(null)
                .setCreatedAt(Instant.now())
                .build();
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ModelVersion> producer = new KafkaProducer<>(props, new StringSerializer(),
                EastSerdes.modelVersion().serializer())) {
            producer.send(new ProducerRecord<>(EastTopics.MODEL_VERSIONS.name(), EastTopics.MAIN_KEY, version));
            producer.flush();
        }
        LOG.atInfo().addKeyValue("checkpoint", base).log("base model announced as version 0");
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(from)) {
            listing.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            Files.copy(file, to.resolve(file.getFileName()));
        }
    }
}
