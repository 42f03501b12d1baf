package io.east.cli.topics;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Topic administration for deployments, where no app may be the first to create the topics. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Manage the east topics on a Kafka cluster.",
        subcommands = {CreateTopicsCommand.class})
public final class TopicsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
