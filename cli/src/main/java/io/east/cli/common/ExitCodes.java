package io.east.cli.common;

/** The exit codes of the east command (docs/architecture.md: 0 success, 2 bad usage, 1 on failure). */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran but something failed, e.g. some input lines were bad. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
