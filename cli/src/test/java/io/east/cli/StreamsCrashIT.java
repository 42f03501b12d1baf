package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.bench.data.SyntheticSamples;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the streams app mid-stream, then a restart: its output must equal an uninterrupted run's over the
 * same sample log, nothing duplicated and nothing lost (exactly-once processing with RocksDB state).
 */
class StreamsCrashIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int WINDOW = 16;
    private static final String SCOPE = "window:" + WINDOW;

    @TempDir
    Path dir;

    @Test
    void aKilledAppResumesAndEndsWithTheSameOutputAsAnUninterruptedRun() throws Exception {
        List<ReasoningSample> log = SyntheticSamples.log("crash", 3000, 8, 300, 11);
        SampleLogs.produce(KAFKA.producerProps(), log);
        WeightingSettings weighting = new WeightingSettings(WeightStrategy.ENTROPY, 1, Scope.parse(SCOPE),
                Clustering.EXACT, SelectionRules.STANDARD, 0);
        int expected = SampleLogs.keptPerPartition(log, weighting.analyzer()).values().stream()
                .mapToInt(kept -> kept / WINDOW * WINDOW).sum();

        List<WeightedExample> steady;
        try (StreamsApp app = new StreamsApp(new StreamsSettings("steady", weighting, Duration.ofMinutes(10), 2,
                Duration.ofHours(1), 64), Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers()), dir.resolve("steady"), "exactly_once_v2").start()) {
            steady = readWeighted("steady", expected);
        }
        assertThat(steady).hasSize(expected);

        List<WeightedExample> beforeKill;
        try (EastProcess first = startChild("crashy", dir.resolve("crashy"))) {
            beforeKill = readWeighted("crashy", 1);
            first.kill();
        }
        assertThat(beforeKill).isNotEmpty();

        try (EastProcess second = startChild("crashy", dir.resolve("crashy"))) {
            List<WeightedExample> crashy = readWeighted("crashy", expected);
            assertThat(crashy).as("the crash happened mid-stream").hasSizeGreaterThan(beforeKill.size());
            assertThat(crashy).extracting(WeightedExample::getTaskId).doesNotHaveDuplicates();
            assertThat(comparable(crashy)).containsExactlyInAnyOrderElementsOf(comparable(steady));

            List<WeightStats> steadyStats = readStats("steady", expected / WINDOW);
            List<WeightStats> crashyStats = readStats("crashy", expected / WINDOW);
            assertThat(crashyStats.stream().map(s -> s.getScopeId() + "=" + s.getNormaliser()).toList())
                    .containsExactlyInAnyOrderElementsOf(
                            steadyStats.stream().map(s -> s.getScopeId() + "=" + s.getNormaliser()).toList());
            second.stop();
        }
    }

    /** Every field that must agree between the runs: all but the creation time. */
    private static List<String> comparable(List<WeightedExample> examples) {
        return examples.stream().map(e -> String.join("|", e.getTaskId(), e.getScopeId(),
                Double.toString(e.getWeight()), Double.toString(e.getNormaliser()), e.getChosen(),
                String.valueOf(e.getRejected()), Double.toString(e.getEntropy()))).toList();
    }

    private EastProcess startChild(String experiment, Path stateDir) throws Exception {
        return EastProcess.start("streams-crash-" + experiment, List.of("-Xmx384m"),
                "streams", "--experiment", experiment, "--scope", SCOPE, "--group-timeout", "10m",
                "--state-dir", stateDir.toString(), "--bootstrap", KAFKA.bootstrapServers(),
                // The killed member would hold its partitions until its session expires: 6 s is the broker's minimum.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000");
    }

    private static List<WeightedExample> readWeighted(String experiment, int expected) {
        return SampleLogs.readAll(KAFKA.consumerProps("reader-" + System.nanoTime()), "east.weighted." + experiment,
                EastSerdes.weightedExample().deserializer(), expected, Duration.ofMinutes(3));
    }

    private static List<WeightStats> readStats(String experiment, int expected) {
        return SampleLogs.readAll(KAFKA.consumerProps("reader-" + System.nanoTime()),
                "east.weight-stats." + experiment, EastSerdes.weightStats().deserializer(), expected,
                Duration.ofMinutes(1));
    }
}
