package io.east.formats;

import java.nio.file.Path;

/** A line of an input file that could not be used, with where it is and why. */
public record LineError(Path file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
