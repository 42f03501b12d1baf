package io.east.cli.common;

/** Bad usage found after parsing (an unreadable input file, contradictory options): exit 2 with one line. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
