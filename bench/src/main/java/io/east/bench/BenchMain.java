package io.east.bench;

import io.east.bench.imports.ImportBench;
import io.east.bench.streams.StreamsBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks that need an embedded broker and Kafka's own tools. They live outside the east command so that
 * kafka-tools and its many jars stay out of the main runtime.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "EAST benchmarks on an in-process Kafka broker.",
        subcommands = {StreamsBench.class, ImportBench.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success (whether or not a goal is met), 2 bad usage, 1 failure."})
public final class BenchMain implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchMain());
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        commandLine.setParameterExceptionHandler((e, args) -> {
            // One line, as the east command does: the reason, not the whole usage text.
            e.getCommandLine().getErr().println("bench: " + e.getMessage());
            return USAGE;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
