package io.east.cli.bench;

import io.east.bench.weights.ReferencePreprocessing;
import io.east.bench.weights.WeightsProcessBench;
import io.east.bench.weights.WeightsThroughput;
import io.east.cli.EastCommand;
import io.east.cli.common.EastJvm;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.core.weight.Scope;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** 'east bench weights': the bench module's {@link WeightsThroughput} and {@link WeightsProcessBench}. */
@Command(name = "weights", mixinStandardHelpOptions = true, sortOptions = false)
public final class WeightsBenchCommand implements Callable<Integer> {

    @Option(names = "--questions", defaultValue = "5000") private int questions;
    @Option(names = "--n", defaultValue = "64") private int n;
    @Option(names = "--response-chars", paramLabel = "C", defaultValue = "0") private int responseChars;
    @Option(names = "--rounds", defaultValue = "5") private int rounds;
    @Option(names = "--scope", defaultValue = "window:64") private String scope;
    @Option(names = "--whole-process") private boolean wholeProcess;
    @Option(names = "--east", paramLabel = "CMD") private Path east;
    @Option(names = "--python", paramLabel = "PYTHON") private Path python;
    @Option(names = "--reference", paramLabel = "DIR") private Path reference;

    @Option(names = "--reference-script", paramLabel = "FILE", defaultValue = "bench/reference_weights.py")
    private Path referenceScript;

    @Override
    public Integer call() throws Exception {
        if ((python == null) != (reference == null)) {
            throw new UsageException("--python and --reference go together");
        }
        if (python != null || wholeProcess) {
            ReferencePreprocessing preprocessing = python == null ? null
                    : Usage.check(() -> new ReferencePreprocessing(python, reference, referenceScript), "");
            List<String> command = eastCommand();
            WeightsProcessBench.Options options = Usage.check(() -> new WeightsProcessBench.Options(questions, n,
                    responseChars, rounds, command, preprocessing), "");
            WeightsProcessBench.run(System.out, options);
            return ExitCodes.OK;
        }
        Scope normalisation = Usage.check(() -> Scope.parse(scope), "--scope: ");
        WeightsThroughput.Options options = Usage.check(
                () -> new WeightsThroughput.Options(questions, n, responseChars, rounds, normalisation), "");
        WeightsThroughput.run(System.out, options);
        return ExitCodes.OK;
    }

    /** What users run: the launcher next to the jar this runs from, or else this Java on this class path. */
    private List<String> eastCommand() throws URISyntaxException {
        if (east != null) {
            return List.of(east.toString());
        }
        Path code = Path.of(EastCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // cli/target/east.jar -> the checkout's root, where ./east is.
        Path root = code.toString().endsWith(".jar") && code.getParent() != null && code.getParent().getParent() != null
                ? code.getParent().getParent().getParent() : null;
        if (root != null && Files.isExecutable(root.resolve("east"))) {
            return List.of(root.resolve("east").toString());
        }
        return EastJvm.command(List.of("-XX:+UseSerialGC", "-Xss4m"), List.of());
    }
}
