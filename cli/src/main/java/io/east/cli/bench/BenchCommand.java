package io.east.cli.bench;

import io.east.cli.common.GroupCommand;
import picocli.CommandLine.Command;

/** Benchmarks that print numbers; the README quotes them with the command that made them. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {WeightsBenchCommand.class, GenerateBenchCommand.class, ServeBenchCommand.class,
            ModelBenchCommand.class, AgreementBenchCommand.class})
public final class BenchCommand extends GroupCommand {
}
