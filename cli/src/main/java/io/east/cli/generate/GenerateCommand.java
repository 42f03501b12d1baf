package io.east.cli.generate;

import io.east.cli.common.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this subcommand is implemented. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Not implemented yet.", hidden = true)
public final class GenerateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("generate is not implemented yet");
    }
}
