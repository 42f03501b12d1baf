package io.east.cli.feed;

import io.east.cli.common.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this subcommand is implemented. */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Not implemented yet.", hidden = true)
public final class FeedCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("feed is not implemented yet");
    }
}
