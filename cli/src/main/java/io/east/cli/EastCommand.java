package io.east.cli;

import io.east.cli.ablate.AblateCommand;
import io.east.cli.bench.BenchCommand;
import io.east.cli.broker.BrokerCommand;
import io.east.cli.common.ErrorHandlers;
import io.east.cli.common.VersionProvider;
import io.east.cli.dashboard.DashboardCommand;
import io.east.cli.demo.DemoCommand;
import io.east.cli.eval.EvalCommand;
import io.east.cli.feed.FeedCommand;
import io.east.cli.generate.GenerateCommand;
import io.east.cli.grade.GradeCommand;
import io.east.cli.imports.ImportCommand;
import io.east.cli.sample.SampleCommand;
import io.east.cli.streams.StreamsCommand;
import io.east.cli.tail.TailCommand;
import io.east.cli.topics.TopicsCommand;
import io.east.cli.torch.TorchSetupCommand;
import io.east.cli.train.TrainCommand;
import io.east.cli.weights.WeightsCommand;
import io.east.model.torch.LibTorchSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code east} command: one subcommand per stage of the data flow (see ARCHITECTURE.md). */
@Command(
        name = "east",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Continuous self-training of language models on math reasoning with entropy-based adaptive weighting "
                    + "(EAST), as a Kafka streaming system.",
            "",
            "Every Kafka-using subcommand takes --bootstrap HOST:PORT (default: env EAST_BOOTSTRAP, else "
                    + "localhost:9092), --kafka-config FILE and repeated -X key=value.",
            ""},
        subcommands = {
            DemoCommand.class,
            GradeCommand.class,
            WeightsCommand.class,
            BrokerCommand.class,
            TopicsCommand.class,
            TailCommand.class,
            ImportCommand.class,
            FeedCommand.class,
            GenerateCommand.class,
            StreamsCommand.class,
            DashboardCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            SampleCommand.class,
            AblateCommand.class,
            BenchCommand.class,
            TorchSetupCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad usage (with a one-line reason), 1 failure or bad input lines."})
public final class EastCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EastCommand());
        ErrorHandlers.install(commandLine);
        return commandLine;
    }

    public static void main(String[] args) {
        LibTorchSetup.activateRecorded();   // before anything loads DJL
        System.exit(commandLine().execute(args));
    }
}
