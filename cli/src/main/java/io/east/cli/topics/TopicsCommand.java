package io.east.cli.topics;

import io.east.cli.common.GroupCommand;
import picocli.CommandLine.Command;

/** Topic administration for deployments, where no app may be the first to create the topics. */
@Command(name = "topics", mixinStandardHelpOptions = true, subcommands = {CreateTopicsCommand.class})
public final class TopicsCommand extends GroupCommand {
}
