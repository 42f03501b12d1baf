package io.east.streams;

import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A topology under the test driver with typed access to its input and output topics. */
final class TopologyFixture implements AutoCloseable {

    final StreamsSettings settings;
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> samples;
    final TestOutputTopic<String, GroupSummary> groups;
    final TestOutputTopic<String, WeightedExample> weighted;
    final TestOutputTopic<String, WeightStats> stats;
    final TestOutputTopic<String, DeadLetter> dlq;
    private final Path stateDir;

    TopologyFixture(StreamsSettings settings) throws Exception {
        this.settings = settings;
        this.stateDir = Files.createTempDirectory("east-topology-test");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        this.driver = new TopologyTestDriver(StreamsTopology.build(settings), props);
        this.samples = driver.createInputTopic(EastTopics.SAMPLES.name(), new StringSerializer(),
                new ByteArraySerializer());
        StringDeserializer keys = new StringDeserializer();
        this.groups = driver.createOutputTopic(EastTopics.GROUPS.name(), keys,
                EastSerdes.groupSummary().deserializer());
        this.weighted = driver.createOutputTopic(settings.weightedTopic(), keys,
                EastSerdes.weightedExample().deserializer());
        this.stats = driver.createOutputTopic(settings.weightStatsTopic(), keys,
                EastSerdes.weightStats().deserializer());
        this.dlq = driver.createOutputTopic(EastTopics.DLQ.name(), keys, EastSerdes.deadLetter().deserializer());
    }

    static StreamsSettings settings(WeightStrategy strategy, double alpha, Scope scope) {
        return new StreamsSettings(null,
                new WeightingSettings(strategy, alpha, scope, Clustering.EXACT, SelectionRules.STANDARD, 7),
                Duration.ofSeconds(60), 2, Duration.ofHours(1), 4);
    }

    static StreamsSettings entropyWindow(int size) {
        return settings(WeightStrategy.ENTROPY, 1.0, new Scope.Window(size));
    }

    void pipe(ReasoningSample sample) {
        samples.pipeInput(sample.getTaskId(), EastSerdes.reasoningSample().serialize(sample));
    }

    void pipeAll(Collection<ReasoningSample> all) {
        all.forEach(this::pipe);
    }

    void pipeRaw(String key, byte[] value) {
        samples.pipeInput(key, value);
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    List<WeightedExample> weightedExamples() {
        return weighted.readValuesToList();
    }

    @Override
    public void close() throws Exception {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
