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
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {
            "Grade predictions against gold answers.",
            "Reads JSON Lines {\"prediction\": ..., \"gold\": ...} and writes, in the same order, "
                    + "{\"equivalent\": bool, \"prediction_answer\": str|null, \"gold_answer\": str|null}.",
            "A prediction may be a whole response (its final answer is extracted first); a gold may be a bare "
                    + "answer or a GSM8K solution ending in '#### N'. A malformed line is reported on stderr with "
                    + "its line number and gets an output line with \"error\" and \"equivalent\": null, so output "
                    + "lines stay aligned with input lines; the exit code is then 1.",
            "With --report, grades a labelled grading corpus instead (JSON Lines {\"id\", \"prediction\", \"gold\", "
                    + "\"expected\", \"category\", \"split\", \"source\"}; see "
                    + "core/src/test/resources/io/east/core/answer/corpus/README.md) and prints, per split and category, "
                    + "the cases, the agreement with the labels, the false positives (graded equal, labelled not) and "
                    + "false negatives, the false-positive rate and the slowest case (timed after one warm-up pass)."})
public final class GradeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GradeCommand.class);

    @Option(names = {"-i", "--input"}, paramLabel = "F", defaultValue = "-",
            description = "Input JSONL file, or - for standard input (default: ${DEFAULT-VALUE}).")
    private Path input;

    @Mixin
    private OutputFileOption output;

    @Option(names = "--report", paramLabel = "CORPUS", arity = "1..*",
            description = "Grade these corpus files and print the agreement report instead of grading --input.")
    private List<Path> report;

    @Option(names = "--split", paramLabel = "S", defaultValue = "all",
            description = "With --report: dev, heldout, or all (a table per split, then all cases; default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--show-disagreements",
            description = "With --report: also list every disagreement: id, split, category, label, verdict, "
                    + "source, prediction, gold and the two extracted answers.")
    private boolean showDisagreements;

    @Option(names = "--report-json", paramLabel = "F",
            description = "With --report: also write the report, with every disagreement in full, as JSON to F.")
    private Path reportJson;

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
