package io.east.cli.common;

import io.east.producers.generate.SamplingParams;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --stop} and {@code --no-stop}: the strings that end a response (a picocli mixin). */
public final class StopOptions {

    @Option(names = "--stop", paramLabel = "S") private List<String> stop;
    @Option(names = "--no-stop") private boolean noStop;

    public List<String> stops() {
        if (stop != null && noStop) {
            throw new UsageException("--stop and --no-stop contradict each other");
        }
        return noStop ? List.of() : stop == null ? SamplingParams.DEFAULT_STOP : stop;
    }
}
