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
@Command(name = "streams", mixinStandardHelpOptions = true, sortOptions = false)
public final class StreamsCommand implements Callable<Integer> {

    @Option(names = "--experiment", paramLabel = "NAME") private String experiment;
    @Mixin private WeightingOptions weighting = WeightingOptions.withDefaultScope("window:64");
    @Mixin private KeepRulesOption keepRules;
    @Option(names = "--group-timeout", paramLabel = "D", defaultValue = "60s") private String groupTimeout;
    @Option(names = "--window-timeout", paramLabel = "D", defaultValue = "5m") private String windowTimeout;
    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "2") private int minSamples;
    @Option(names = "--late-retention", paramLabel = "D", defaultValue = "24h") private String lateRetention;
    @Option(names = "--stats-every", paramLabel = "K", defaultValue = "64") private int statsEvery;
    @Option(names = "--state-dir", paramLabel = "D") private Path stateDir;

    @Option(names = "--processing-guarantee", paramLabel = "G", defaultValue = StreamsConfig.EXACTLY_ONCE_V2)
    private String processingGuarantee;

    @Option(names = "--http-port", paramLabel = "P") private Integer httpPort;
    @Option(names = "--http-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1") private String httpBind;
    @Mixin private MetricsOptions metricsOptions;
    @Mixin private KafkaOptions kafka;

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
