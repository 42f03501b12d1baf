package io.east.cli.imports;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.GenerationsFileOptions;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.Progress;
import io.east.cli.common.Usage;
import io.east.formats.InputFormat;
import io.east.formats.LineError;
import io.east.producers.imports.ImportReport;
import io.east.producers.imports.ImportSettings;
import io.east.producers.imports.SampleImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes existing generations to east.samples. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false)
public final class ImportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);
    /** A broker that goes away can fail every queued sample: the report keeps them all, the log the first ones. */
    private static final int MAX_LOGGED_SEND_ERRORS = 100;

    @Mixin private GenerationsFileOptions generations;
    @Option(names = "--dataset", paramLabel = "NAME") private String dataset;
    @Option(names = "--round", paramLabel = "R") private Integer round;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Path input = generations.input();
        InputFormat format = generations.format();
        ImportSettings settings = Usage.check(() -> new ImportSettings(format, input, dataset, round), "");
        ImportReport report;
        try (SampleImporter importer = SampleImporter.connect(kafka.clientProperties());
             Progress progress = Progress.start("importing " + input.getFileName(), "lines", -1)) {
            report = importer.run(settings, progress::stepTo);
        }
        report.malformed().forEach(error -> LOG.error("{}", error));
        logSendErrors(report.notPublished());
        if (report.abortedBy() != null) {
            LOG.error("import stopped before the end of {}: {}", input, report.abortedBy());
        }
        LOG.atInfo()
                .addKeyValue("lines", report.lines())
                .addKeyValue("samples_published", report.samplesPublished())
                .addKeyValue("malformed", report.malformed().size())
                .addKeyValue("lines_not_published", report.notPublished().size())
                .addKeyValue("format", format.id())
                .log("import finished");
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void logSendErrors(List<LineError> errors) {
        errors.stream().limit(MAX_LOGGED_SEND_ERRORS).forEach(error -> LOG.error("{}", error));
        if (errors.size() > MAX_LOGGED_SEND_ERRORS) {
            LOG.error("... and {} more lines not published", errors.size() - MAX_LOGGED_SEND_ERRORS);
        }
    }
}
