package io.east.cli.imports;

import io.east.cli.common.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this subcommand is implemented. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Not implemented yet.", hidden = true)
public final class ImportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("import is not implemented yet");
    }
}
