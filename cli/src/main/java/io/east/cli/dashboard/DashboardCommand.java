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
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve a live web page of the system: per experiment, side by side, the entropy and weight histograms "
                    + "of each window, the weight mapping in use, kept and discarded groups by reason, training "
                    + "loss and mean weight over steps, accuracy per model version; and the latest question groups.",
            "Reads east.weight-stats (and east.weight-stats.NAME for each --experiment), east.groups, "
                    + "east.train-metrics, east.eval and east.model-versions from the beginning; updates the page "
                    + "by server-sent events. Everything is served from the jar; nothing comes from the internet.",
            "Also serves /metrics (Prometheus): the same figures, Kafka consumer and JVM metrics.",
            "Prints 'dashboard=http://ADDR:PORT/' on stdout once it serves, and stops cleanly on SIGTERM or Ctrl-C."})
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Port of the page; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = DashboardSettings.DEFAULT_BIND,
            description = "Address to listen on; the default keeps the page on this machine "
                    + "(default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "Also show this experiment's windows (east.weight-stats.NAME) beside the main app's; "
                    + "repeatable. Training and evaluation records of any experiment are shown anyway.")
    private List<String> experiments = new ArrayList<>();

    @Option(names = "--history", paramLabel = "N", defaultValue = "" + DashboardSettings.DEFAULT_HISTORY,
            description = "Windows, steps, evaluations and model versions kept per experiment "
                    + "(default: ${DEFAULT-VALUE}).")
    private int history;

    @Mixin
    private KafkaOptions kafka;

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
