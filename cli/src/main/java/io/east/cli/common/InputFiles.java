package io.east.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks input paths before any work starts, so a typo is a usage error and not a stack trace. */
public final class InputFiles {

    private InputFiles() {
    }

    /** A readable regular file, or "-" for standard input. */
    public static Path readable(Path file, String option) {
        if ("-".equals(file.toString())) {
            return file;
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + ": cannot read " + file);
        }
        return file;
    }
}
