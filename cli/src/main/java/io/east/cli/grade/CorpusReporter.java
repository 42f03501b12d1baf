package io.east.cli.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.east.cli.common.ExitCodes;
import io.east.formats.LineError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code east grade --report}: grades every corpus case and prints how far the grader agrees with the labels. */
public final class CorpusReporter {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;

    public CorpusReporter(PrintStream out) {
        this.out = out;
    }

    /**
     * @param split "dev", "heldout" or "all" (both splits, each with its own table, then all cases together)
     * @param json where to write the report as JSON, or null
     * @return the exit code: failed when a corpus line is bad (each is logged with its file and line)
     */
    public int report(List<Path> files, String split, boolean showDisagreements, Path json) throws IOException {
        List<CorpusCase> cases;
        try {
            cases = GradingCorpus.read(files);
        } catch (GradingCorpus.InvalidCorpusException e) {
            for (LineError error : e.errors()) {
                LOG.error("{}", error);
            }
            return ExitCodes.FAILED;
        }
        List<CorpusCase> selected = split.equals("all")
                ? cases : cases.stream().filter(c -> c.split().equals(split)).toList();
        // Untimed first pass so class loading and JIT warm-up are not charged to the first cases.
        selected.forEach(GradedCase::of);
        List<GradedCase> graded = selected.stream().map(GradedCase::of).toList();
        AgreementReport report = new AgreementReport(graded,
                split.equals("all") ? List.of("dev", "heldout", "all") : List.of(split));
        out.print(report.table());
        if (showDisagreements) {
            out.println();
            out.print(report.disagreementListing());
        }
        out.flush();
        if (json != null) {
            JSON.writeValue(json.toFile(), report.toJson());
        }
        LOG.atInfo().addKeyValue("cases", graded.size()).addKeyValue("disagreements", report.disagreements().size())
                .log("grade report finished");
        return ExitCodes.OK;
    }
}
