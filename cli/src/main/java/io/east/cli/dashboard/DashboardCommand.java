package io.east.cli.dashboard;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.dashboard.Dashboard;
import io.east.dashboard.DashboardSettings;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The live dashboard: a web page of weight distributions, training curves and accuracy, plus /metrics. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false)
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080") private int port;
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = DashboardSettings.DEFAULT_BIND) private String bind;
    @Option(names = "--experiment", paramLabel = "NAME") private List<String> experiments = new ArrayList<>();

    @Option(names = "--history", paramLabel = "N", defaultValue = "" + DashboardSettings.DEFAULT_HISTORY)
    private int history;

    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        DashboardSettings settings = Usage.check(() -> DashboardSettings.defaults(kafka.clientProperties())
                .withBind(bind).withPort(port).withExperiments(experiments)
                .withHistory(history, DashboardSettings.DEFAULT_GROUPS), "");
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(settings);
        } catch (UncheckedIOException e) {
            throw new UsageException("--bind/--port: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close, "east-dashboard-shutdown"));
        System.out.println("dashboard=" + dashboard.url());
        System.out.flush();
        dashboard.awaitClosed();
        return ExitCodes.OK;
    }
}
