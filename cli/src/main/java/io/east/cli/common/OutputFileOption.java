package io.east.cli.common;

import io.east.formats.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output}: where JSON Lines go, standard output by default (a picocli mixin). */
public final class OutputFileOption {

    @Option(names = {"-o", "--output"}, paramLabel = "F", defaultValue = "-") private Path output;

    public JsonOutput open() throws IOException {
        return JsonOutput.open(output);
    }
}
