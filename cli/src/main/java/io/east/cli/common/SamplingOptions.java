package io.east.cli.common;

import io.east.producers.generate.SamplingParams;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How each response is sampled: {@code --temperature}, {@code --top-p} and {@code --max-new-tokens} (a picocli
 * mixin). The token budget's default depends on the command, so each command gives its own.
 */
public final class SamplingOptions {

    @Option(names = "--temperature", paramLabel = "X", defaultValue = "" + SamplingParams.DEFAULT_TEMPERATURE,
            converter = Converters.FiniteDouble.class)
    private double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "" + SamplingParams.DEFAULT_TOP_P,
            converter = Converters.FiniteDouble.class)
    private double topP;

    // No defaultValue: the initial value the command chose is the default that help shows.
    @Option(names = "--max-new-tokens", paramLabel = "M") private int maxNewTokens;

    private SamplingOptions(int defaultMaxNewTokens) {
        this.maxNewTokens = defaultMaxNewTokens;
    }

    /** The options of a command whose --max-new-tokens defaults to {@code tokens}. */
    public static SamplingOptions withDefaultMaxNewTokens(int tokens) {
        return new SamplingOptions(tokens);
    }

    public double temperature() {
        if (temperature < 0) {
            throw new UsageException("--temperature must be >= 0, got " + temperature);
        }
        return temperature;
    }

    public double topP() {
        if (!(topP > 0 && topP <= 1)) {
            throw new UsageException("--top-p must be in (0, 1], got " + topP);
        }
        return topP;
    }

    public int maxNewTokens() {
        return Usage.atLeast(maxNewTokens, 1, "--max-new-tokens");
    }

    /** The sampling of every response, ending at {@code stops}. */
    public SamplingParams params(List<String> stops) {
        double checkedTemperature = temperature();
        double checkedTopP = topP();
        int checkedTokens = maxNewTokens();
        return Usage.check(() -> new SamplingParams(checkedTemperature, checkedTopP, checkedTokens, stops), "--stop: ");
    }
}
