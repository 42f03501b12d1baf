package io.east.formats;

/** Thrown by a line parser: the line is reported and skipped, the rest of the file is still read. */
public class BadLineException extends Exception {

    public BadLineException(String reason) {
        super(reason);
    }
}
