package io.east.cli.bench;

import io.east.bench.weights.WeightsThroughput;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.core.weight.Scope;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** 'east bench weights': the bench module's {@link WeightsThroughput}. */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"Measure 'east weights' throughput in questions/s on a generated qwen-eval file.",
            "Prints one row per clustering: the whole path (parse + analyse + weigh + write) and the core "
                    + "maths alone (analyse + weigh)."})
public final class WeightsBench implements Callable<Integer> {

    @Option(names = "--questions", defaultValue = "5000", description = "Questions in the file (default: ${DEFAULT-VALUE}).")
    private int questions;

    @Option(names = "--n", defaultValue = "64", description = "Responses per question (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured runs after 2 warm-up runs (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--scope", defaultValue = "window:64",
            description = "Normalisation scope (default: ${DEFAULT-VALUE}).")
    private String scope;

    @Override
    public Integer call() throws Exception {
        Scope normalisation = Usage.check(() -> Scope.parse(scope), "--scope: ");
        WeightsThroughput.Options options = Usage.check(
                () -> new WeightsThroughput.Options(questions, n, rounds, normalisation), "");
        WeightsThroughput.run(System.out, options);
        return ExitCodes.OK;
    }
}
