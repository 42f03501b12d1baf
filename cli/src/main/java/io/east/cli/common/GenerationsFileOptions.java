package io.east.cli.common;

import io.east.formats.InputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input} and {@code --format}: a file of generations to read (a picocli mixin). */
public final class GenerationsFileOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "F", required = true) private Path input;
    @Option(names = "--format", paramLabel = "qwen-eval|samples", required = true) private String format;

    /** The input file, checked to be readable. */
    public Path input() {
        return InputFiles.readable(input, "--input");
    }

    public InputFormat format() {
        return Usage.check(() -> InputFormat.parse(format), "--format: ");
    }
}
