package io.east.cli.streams;

import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.KeepRulesOption;
import io.east.cli.common.MetricsOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.cli.common.WeightingOptions;
import io.east.core.batch.WeightingSettings;
import io.east.streams.StateQueryServer;
import io.east.streams.StreamsApp;
import io.east.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The streams app: groups samples per question task, computes entropy and weights in stateful windows. */
@Command(name = "streams", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the Kafka Streams app over east.samples: group each task's samples, analyse them (clusters, "
                    + "entropy, A, R, keep rules), weigh kept groups and publish east.groups, east.weighted[.EXP], "
                    + "east.weight-stats[.EXP]; bad records go to east.dlq.",
            "Windows are per input partition, so a replay of the sample log rebuilds the same windows.",
            "--experiment NAME replays the whole sample log under its own application id, state and output topics; "
                    + "several experiments run side by side."})
public final class StreamsCommand implements Callable<Integer> {

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "Run as an experiment: application id east-streams-NAME, outputs east.weighted.NAME and "
                    + "east.weight-stats.NAME, no east.groups.")
    private String experiment;

    @Mixin
    private WeightingOptions weighting = WeightingOptions.withDefaultScope("window:64");

    @Mixin
    private KeepRulesOption keepRules;

    @Option(names = "--group-timeout", paramLabel = "D", defaultValue = "60s",
            description = "A task idle this long completes with what it has (default: ${DEFAULT-VALUE}).")
    private String groupTimeout;

    @Option(names = "--window-timeout", paramLabel = "D", defaultValue = "5m",
            description = "Under window:K, a partly filled window with no new kept group for this long is closed with "
                    + "what it holds (weights of mean 1 over them), so the end of a round reaches the trainer; 0s "
                    + "waits for K. Like --group-timeout it depends on wall-clock time, so a replay may cut windows "
                    + "differently (default: ${DEFAULT-VALUE}).")
    private String windowTimeout;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "2",
            description = "Fewest samples a timed-out task needs; fewer is discarded as incomplete "
                    + "(default: ${DEFAULT-VALUE}).")
    private int minSamples;

    @Option(names = "--late-retention", paramLabel = "D", defaultValue = "24h",
            description = "How long completed tasks are remembered to recognise late samples "
                    + "(default: ${DEFAULT-VALUE}).")
    private String lateRetention;

    @Option(names = "--stats-every", paramLabel = "K", defaultValue = "64",
            description = "Kept groups per WeightStats record under ema and fixed scopes (default: ${DEFAULT-VALUE}).")
    private int statsEvery;

    @Option(names = "--state-dir", paramLabel = "D",
            description = "Where RocksDB state lives (default: ${java.io.tmpdir}/east-streams).")
    private Path stateDir;

    @Option(names = "--processing-guarantee", paramLabel = "G", defaultValue = StreamsConfig.EXACTLY_ONCE_V2,
            description = "exactly_once_v2 | at_least_once (default: ${DEFAULT-VALUE}).")
    private String processingGuarantee;

    @Option(names = "--http-port", paramLabel = "P",
            description = "Serve interactive queries on this port: /tasks/{task_id}, /weight-stats, /health.")
    private Integer httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address the query server binds (default: ${DEFAULT-VALUE}).")
    private String httpBind;

    @Mixin
    private MetricsOptions metricsOptions;

    @Mixin
    private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        StreamsSettings settings = settings();
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
                && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new UsageException("--processing-guarantee must be exactly_once_v2 or at_least_once, got '"
                    + processingGuarantee + "'");
        }
        Path state = stateDir != null ? stateDir : Path.of(System.getProperty("java.io.tmpdir"), "east-streams");
        StreamsApp app = new StreamsApp(settings, kafka.clientProperties(), state, processingGuarantee);
        // Bound before the app starts, so that a taken port fails at once rather than after a rebalance.
        Optional<MetricsOptions.Served> served = metricsOptions.start("streams");
        StateQueryServer[] queries = new StateQueryServer[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (queries[0] != null) {
                queries[0].close();
            }
            app.close();
            served.ifPresent(MetricsOptions.Served::close);
        }, "east-streams-shutdown"));
        app.start();
        served.ifPresent(s -> app.bindMetrics(s.metrics()));
        if (httpPort != null) {
            queries[0] = new StateQueryServer(app, httpBind, httpPort).start();
        }
        return app.awaitStop() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private StreamsSettings settings() {
        WeightingSettings weights = weighting.settings(keepRules.rules());
        return Usage.check(() -> new StreamsSettings(experiment, weights,
                Durations.parse(groupTimeout, "--group-timeout"), minSamples,
                Durations.parse(lateRetention, "--late-retention"), statsEvery,
                Durations.parse(windowTimeout, "--window-timeout")), "");
    }
}
