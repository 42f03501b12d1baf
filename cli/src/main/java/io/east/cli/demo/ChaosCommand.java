package io.east.cli.demo;

import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The whole loop under SIGKILLs and a broker restart, and a ledger of what it delivered. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the loop (feed -> generate (DJL, the demo's tiny model) -> streams -> train) on an embedded broker "
                    + "while a driver kills generate, streams and train with SIGKILL at random times (each at least "
                    + "twice) and restarts each after a random delay, and restarts the broker once on the same data "
                    + "directory (with --brokers 3: kills one node of a 3-node cluster with SIGKILL and starts it "
                    + "again). Then the pipeline drains and a ledger, read from the committed topics and the "
                    + "trainer's checkpoint chain, prints expected, found and the difference for each check.",
            "Exits 1 when any difference is not zero. Everything is written under --work-dir; logs of each stage "
                    + "under WORK_DIR/run/logs."})
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10",
            description = "How long stages are killed and restarted (default: ${DEFAULT-VALUE}).")
    private double minutes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the kill schedule and of sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--kill-every", paramLabel = "D", defaultValue = "20s",
            description = "Mean time between two kills (default: ${DEFAULT-VALUE}).")
    private String killEvery;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "320",
            description = "Tasks to feed, in rounds of 32 questions (default: ${DEFAULT-VALUE}).")
    private long tasks;

    @Option(names = "--drain-timeout", paramLabel = "D", defaultValue = "10m",
            description = "How long the pipeline may take to finish once the kills stop (default: ${DEFAULT-VALUE}).")
    private String drainTimeout;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "1: one embedded broker; 3: a KRaft cluster of three broker processes, replication 3, "
                    + "min ISR 2 (default: ${DEFAULT-VALUE}).")
    private int brokers;

    @Option(names = "--stage-kills", paramLabel = "K", defaultValue = "2",
            description = "Kill each stage at least K times; 0 kills no stage, only the broker "
                    + "(default: ${DEFAULT-VALUE}).")
    private int stageKills;

    @Option(names = "--work-dir", paramLabel = "D", defaultValue = "east-chaos",
            description = "Where everything goes, including the cached base model (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        ChaosSettings settings = Usage.check(() -> new ChaosSettings(Duration.ofMillis(Math.round(minutes * 60_000)),
                seed, Durations.parse(killEvery, "--kill-every"), tasks, workDir.toAbsolutePath().normalize(),
                Durations.parse(drainTimeout, "--drain-timeout"), brokers, stageKills), "");
        ChaosRun.Outcome outcome = new ChaosRun(settings).run();
        System.out.printf(Locale.ROOT, "%nEAST chaos: %.1f min, seed %d, %d tasks; SIGKILLs %s; %s%n%n",
                minutes, seed, outcome.tasks(), outcome.kills(), outcome.brokerDisruptions());
        outcome.ledger().print(System.out);
        boolean balanced = outcome.ledger().balances();
        System.out.println(balanced ? "\nthe ledger balances: nothing lost, nothing duplicated"
                : "\nthe ledger does NOT balance");
        return balanced ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
