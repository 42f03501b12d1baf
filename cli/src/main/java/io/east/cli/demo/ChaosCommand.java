package io.east.cli.demo;

import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole loop under SIGKILLs and a broker restart, and a ledger of what it delivered. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false)
public final class ChaosCommand implements Callable<Integer> {

    @Mixin private LoopRunOptions run = LoopRunOptions.withDefaults(10, "east-chaos");
    @Option(names = "--kill-every", paramLabel = "D", defaultValue = "20s") private String killEvery;
    @Option(names = "--tasks", paramLabel = "N", defaultValue = "320") private long tasks;
    @Option(names = "--drain-timeout", paramLabel = "D", defaultValue = "10m") private String drainTimeout;
    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1") private int brokers;
    @Option(names = "--stage-kills", paramLabel = "K", defaultValue = "2") private int stageKills;

    @Override
    public Integer call() throws Exception {
        Duration period = run.duration();
        ChaosSettings settings = Usage.check(() -> new ChaosSettings(period, run.seed(),
                Durations.parse(killEvery, "--kill-every"), tasks, run.workDir(),
                Durations.parse(drainTimeout, "--drain-timeout"), brokers, stageKills), "");
        ChaosRun.Outcome outcome = new ChaosRun(settings).run();
        System.out.printf(Locale.ROOT, "%nEAST chaos: %.1f min, seed %d, %d tasks; SIGKILLs %s; %s%n%n",
                period.toMillis() / 60_000.0, run.seed(), outcome.tasks(), outcome.kills(),
                outcome.brokerDisruptions());
        outcome.ledger().print(System.out);
        boolean balanced = outcome.ledger().balances();
        System.out.println(balanced ? "\nthe ledger balances: nothing lost, nothing duplicated"
                : "\nthe ledger does NOT balance");
        return balanced ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
