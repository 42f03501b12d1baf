package io.east.cli.weights;

import io.east.formats.WeightsJson;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.GenerationsFileOptions;
import io.east.formats.JsonOutput;
import io.east.cli.common.OutputFileOption;
import io.east.cli.common.Progress;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.cli.common.WeightingOptions;
import io.east.core.batch.BatchWeighting;
import io.east.core.batch.WeightRow;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.SelectionRules;
import io.east.formats.GroupFileReader;
import io.east.formats.InputFormat;
import io.east.formats.LineError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The batch (offline) weighting of a file of generations: the same core code as the streams app. */
@Command(name = "weights", mixinStandardHelpOptions = true, sortOptions = false)
public final class WeightsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WeightsCommand.class);

    @Mixin private GenerationsFileOptions generations;
    @Mixin private WeightingOptions weighting = WeightingOptions.withDefaultScope("dataset");

    // Not the shared --rules: here the default follows --format.
    @Option(names = "--rules", paramLabel = "R") private String rules;
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "import") private String dataset;
    @Option(names = "--round", paramLabel = "R", defaultValue = "0") private int round;
    @Mixin private OutputFileOption output;

    @Override
    public Integer call() throws Exception {
        Path input = generations.input();
        InputFormat format = generations.format();
        WeightingSettings settings = weighting.settings(rules(format));
        GroupFileReader.Result read;
        try (Progress progress = Progress.start("reading " + input.getFileName(), "lines", -1)) {
            read = GroupFileReader.read(input, format, origin(), progress::stepTo);
        }
        read.errors().forEach(error -> LOG.error("{}", error));
        List<WeightRow> rows = BatchWeighting.run(read.groups(), settings);
        try (JsonOutput out = output.open()) {
            rows.forEach(row -> out.writeLine(json -> WeightsJson.write(json, row)));
        }
        logSummary(read, rows, settings);
        return read.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private GroupFileReader.Origin origin() {
        if (dataset.isBlank() || round < 0) {
            throw new UsageException("--dataset must not be blank and --round must be >= 0");
        }
        return new GroupFileReader.Origin(dataset, round);
    }

    private SelectionRules rules(InputFormat format) {
        return rules == null ? defaultRules(format) : Usage.check(() -> SelectionRules.parse(rules), "--rules: ");
    }

    /** The qwen-eval format is the reference code's input, so by default it gets the reference code's rules. */
    static SelectionRules defaultRules(InputFormat format) {
        return format == InputFormat.QWEN_EVAL ? SelectionRules.REFERENCE : SelectionRules.STANDARD;
    }

    private static void logSummary(GroupFileReader.Result read, List<WeightRow> rows, WeightingSettings settings) {
        Map<String, Integer> discarded = new TreeMap<>();
        long kept = 0;
        for (WeightRow row : rows) {
            if (row.analysis().kept()) {
                kept++;
            } else {
                discarded.merge(row.analysis().discardReason().orElseThrow().code(), 1, Integer::sum);
            }
        }
        LOG.atInfo()
                .addKeyValue("lines", read.lines())
                .addKeyValue("malformed", read.errors().size())
                .addKeyValue("questions", rows.size())
                .addKeyValue("kept", kept)
                .addKeyValue("discarded", discarded)
                .addKeyValue("strategy", settings.strategy().id())
                .addKeyValue("alpha", settings.alpha())
                .addKeyValue("scope", settings.scope().id())
                .addKeyValue("clustering", settings.clustering().id())
                .addKeyValue("rules", settings.rules().id())
                .log("weights finished");
        if (!read.errors().isEmpty()) {
            LineError first = read.errors().get(0);
            LOG.warn("{} malformed line(s) skipped, first at {}:{}", read.errors().size(), first.file(), first.line());
        }
    }
}
