package io.east.ablation;

import io.east.core.weight.Scope;
import io.east.model.FileTrees;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.WholeTopic;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming path: each config runs the streams app as an experiment of its own ({@code ablate-SLUG-RUNID}), which
 * replays the whole east.samples log into east.weighted.EXPERIMENT; the replay ends when as many examples arrived as
 * the batch analysis of the same samples says it must emit.
 *
 * <p>How many that is depends on the scope. Under fixed and ema every kept task is emitted at once. Under window:K the
 * app holds a window's examples until its K-th arrives, and windows are per input partition, so only
 * floor(kept_p / K) * K examples of partition p ever come out: a replay's tail stays in the app (the batch path
 * closes it at the end of the file instead). Tasks with fewer than n samples in the log complete by the group
 * timeout ({@value #GROUP_TIMEOUT_SECONDS} s, minimum one sample, as the batch path analyses them).
 */
public final class StreamsReplay implements Replay {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsReplay.class);
    static final long GROUP_TIMEOUT_SECONDS = 10;
    private static final Duration POLL = Duration.ofMillis(200);

    private final LogAnalysis analysis;
    private final Map<String, Object> clientProperties;
    private final Path stateRoot;
    private final String runId;
    private final Duration timeout;

    /**
     * @param runId makes every experiment name new, so a replay never resumes an earlier run's state or output
     * @param timeout the longest one config's replay may take
     */
    public StreamsReplay(LogAnalysis analysis, Map<String, Object> clientProperties, Path stateRoot, String runId,
            Duration timeout) {
        this.analysis = analysis;
        this.clientProperties = Map.copyOf(clientProperties);
        this.stateRoot = stateRoot;
        this.runId = runId;
        this.timeout = timeout;
    }

    /** The experiment a config replays as; refused when the name would not be a valid experiment name. */
    public static String experiment(AblationConfig config, String runId) {
        return EastTopics.validateExperiment("ablate-" + config.slug() + "-" + runId);
    }

    /** How many examples the app emits for the kept tasks of the log under {@code scope}. */
    static int expectedExamples(List<KeptTask> kept, Scope scope) {
        if (!(scope instanceof Scope.Window window)) {
            return kept.size();
        }
        Map<Integer, Integer> perPartition = new HashMap<>();
        kept.forEach(task -> perPartition.merge(task.task().partition(), 1, Integer::sum));
        return perPartition.values().stream().mapToInt(count -> count / window.size() * window.size()).sum();
    }

    @Override
    public Map<String, WeightedExample> weigh(AblationConfig config, Scope scope) throws InterruptedException {
        String experiment = experiment(config, runId);
        StreamsSettings settings = new StreamsSettings(experiment, analysis.settings(config, scope),
                Duration.ofSeconds(GROUP_TIMEOUT_SECONDS), 1, Duration.ofHours(1), 64);
        int expected = expectedExamples(analysis.kept(), scope);
        Path stateDir = stateRoot.resolve(experiment);
        long start = System.nanoTime();
        Map<String, WeightedExample> examples;
        try (StreamsApp app = new StreamsApp(settings, clientProperties, stateDir, "exactly_once_v2").start()) {
            examples = readOutput(app, settings.weightedTopic(), expected);
        }
        try {
            FileTrees.deleteRecursively(stateDir);
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("directory", stateDir).addKeyValue("error", e.toString())
                    .log("could not delete a replay's state directory");
        }
        LOG.atInfo().addKeyValue("config", config.label()).addKeyValue("experiment", experiment)
                .addKeyValue("scope", scope.id()).addKeyValue("examples", examples.size())
                .addKeyValue("seconds", (System.nanoTime() - start) / 1_000_000 / 1000.0).log("streams replay done");
        return examples;
    }

    @Override
    public String describe() {
        return "the streams app, one experiment per config (ablate-CONFIG-" + runId + ") replaying east.samples";
    }

    private Map<String, WeightedExample> readOutput(StreamsApp app, String topic, int expected)
            throws InterruptedException {
        Map<String, Object> props = ClientConfigs.assignedReader(clientProperties, "east-ablate-replay-reader");
        Deserializer<WeightedExample> decoder = EastSerdes.weightedExample().deserializer();
        Map<String, WeightedExample> examples = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = WholeTopic.assign(consumer, topic, timeout,
                    "the replay's streams app writes its weighted examples there");
            consumer.seekToBeginning(partitions);
            while (examples.size() < expected) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("streams replay interrupted");
                }
                KafkaStreams.State state = app.streams().state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                        || state == KafkaStreams.State.PENDING_ERROR) {
                    throw new IllegalStateException("the streams replay " + topic + " stopped (" + state
                            + ") after " + examples.size() + " of " + expected + " examples");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the streams replay " + topic + " produced " + examples.size()
                            + " of " + expected + " expected examples within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    WeightedExample example = decoder.deserialize(record.topic(), record.value());
                    examples.put(example.getTaskId(), example);
                }
            }
        }
        return examples;
    }
}
