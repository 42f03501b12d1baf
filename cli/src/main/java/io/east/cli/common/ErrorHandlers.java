package io.east.cli.common;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns bad usage into one line and exit code 2, and failures into a logged error and exit code 1. */
public final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    public static void install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler((ex, args) -> {
            usage(ex.getCommandLine(), ex.getMessage());
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof UsageException) {
                usage(cl, ex.getMessage());
                return ExitCodes.USAGE;
            }
            LOG.error("{} failed: {}", cl.getCommandSpec().qualifiedName(), ex.toString(), ex);
            return ExitCodes.FAILED;
        });
    }

    private static void usage(CommandLine commandLine, String message) {
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println(name + ": " + message + " (see '" + name + " --help')");
        err.flush();
    }
}
