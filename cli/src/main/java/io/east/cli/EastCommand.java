package io.east.cli;

import io.east.cli.ablate.AblateCommand;
import io.east.cli.bench.BenchCommand;
import io.east.cli.broker.BrokerCommand;
import io.east.cli.common.ErrorHandlers;
import io.east.cli.common.GroupCommand;
import io.east.cli.common.VersionProvider;
import io.east.cli.dashboard.DashboardCommand;
import io.east.cli.demo.ChaosCommand;
import io.east.cli.demo.DemoCommand;
import io.east.cli.eval.EvalCommand;
import io.east.cli.feed.FeedCommand;
import io.east.cli.generate.GenerateCommand;
import io.east.cli.grade.GradeCommand;
import io.east.cli.imports.ImportCommand;
import io.east.cli.sample.SampleCommand;
import io.east.cli.serve.ServeCommand;
import io.east.cli.streams.StreamsCommand;
import io.east.cli.tail.TailCommand;
import io.east.cli.topics.TopicsCommand;
import io.east.cli.torch.TorchSetupCommand;
import io.east.cli.train.TrainCommand;
import io.east.cli.weights.WeightsCommand;
import io.east.model.torch.LibTorchSetup;
import io.east.model.torch.NvidiaGpus;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code east} command: one subcommand per stage of the data flow (docs/architecture.md). */
@Command(name = "east", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "io.east.cli.help")
public final class EastCommand extends GroupCommand {

    /**
     * The subcommands, in the order help lists them. A run builds only the one it was asked for: picocli reads every
     * option of every command it is given, which is a third of a second each time a short command starts.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            ChaosCommand.class,
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
            ServeCommand.class,
            AblateCommand.class,
            BenchCommand.class,
            TorchSetupCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * DJL asks the CUDA runtime how many GPUs there are and warns when it cannot tell; on a machine with a CUDA toolkit
     * but no NVIDIA device (many CPU build machines) that warning is noise on every run.
     */
    private static void quietCudaProbeWithoutNvidiaDevice() {
        if (!NvidiaGpus.visible()
                && LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** The whole command tree, every subcommand built. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /** The tree a run with these arguments needs: only the subcommand named first, else (help too) all of them. */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand != CommandLine.HelpCommand.class
                        && subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new EastCommand());
        subcommands.forEach(commandLine::addSubcommand);
        ErrorHandlers.install(commandLine);
        return commandLine;
    }

    public static void main(String[] args) {
        LibTorchSetup.activateRecorded();   // before anything loads DJL
        quietCudaProbeWithoutNvidiaDevice();
        System.exit(commandLineFor(args).execute(args));
    }
}
