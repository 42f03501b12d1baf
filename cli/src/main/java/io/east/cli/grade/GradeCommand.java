package io.east.cli.grade;

import io.east.cli.common.ExitCodes;
import io.east.cli.common.InputFiles;
import io.east.formats.JsonOutput;
import io.east.cli.common.OutputFileOption;
import io.east.cli.common.UsageException;
import io.east.core.answer.AnswerGrader;
import io.east.formats.BadLineException;
import io.east.formats.GradeRequests;
import io.east.formats.JsonLines;
import io.east.formats.LineError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Grades predictions against gold answers with the same grader the generators use. */
@Command(name = "grade", mixinStandardHelpOptions = true)
public final class GradeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GradeCommand.class);

    @Option(names = {"-i", "--input"}, paramLabel = "F", defaultValue = "-") private Path input;
    @Mixin private OutputFileOption output;
    @Option(names = "--report", paramLabel = "CORPUS", arity = "1..*") private List<Path> report;
    @Option(names = "--split", paramLabel = "S", defaultValue = "all") private String split;
    @Option(names = "--show-disagreements") private boolean showDisagreements;
    @Option(names = "--report-json", paramLabel = "F") private Path reportJson;

    @Override
    public Integer call() throws Exception {
        if (report != null) {
            return report();
        }
        if (showDisagreements || reportJson != null || !split.equals("all")) {
            throw new UsageException("--split, --show-disagreements and --report-json need --report");
        }
        InputFiles.readable(input, "--input");
        long graded = 0;
        long bad = 0;
        try (JsonLines lines = JsonLines.open(input); JsonOutput out = output.open()) {
            for (JsonLines.Line line : lines) {
                LineError error = line.error();
                if (line.ok()) {
                    try {
                        GradeRequests.Request request = GradeRequests.parse(line.json());
                        out.write(result(AnswerGrader.grade(request.prediction(), request.gold())));
                        graded++;
                        continue;
                    } catch (BadLineException e) {
                        error = line.error(e.getMessage());
                    }
                }
                bad++;
                LOG.error("{}", error);
                out.write(failure(error));
            }
        }
        LOG.atInfo().addKeyValue("graded", graded).addKeyValue("malformed", bad).log("grade finished");
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int report() throws IOException {
        if (!List.of("dev", "heldout", "all").contains(split)) {
            throw new UsageException("--split: expected dev, heldout or all, got '" + split + "'");
        }
        for (Path file : report) {
            InputFiles.readable(file, "--report");
        }
        return new CorpusReporter(System.out).report(report, split, showDisagreements, reportJson);
    }

    private static Map<String, Object> result(AnswerGrader.Grade grade) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("equivalent", grade.equivalent());
        row.put("prediction_answer", grade.predictionAnswer());
        row.put("gold_answer", grade.goldAnswer());
        return row;
    }

    private static Map<String, Object> failure(LineError error) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("equivalent", null);
        row.put("prediction_answer", null);
        row.put("gold_answer", null);
        row.put("error", "line " + error.line() + ": " + error.reason());
        return row;
    }
}
