package io.east.cli.grade;

import io.east.formats.BadLineException;
import io.east.formats.JsonFields;
import io.east.formats.JsonLines;
import io.east.formats.LineError;
import io.east.formats.LineScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads grading corpus files (JSON Lines, one labelled case a line; the format is described in the corpus
 * README.md) and checks every line, so a report is never computed over a half-read corpus.
 */
public final class GradingCorpus {

    /** The categories a case may have, in the order reports list them. */
    public static final List<String> CATEGORIES =
            List.of("numbers", "expressions", "extraction", "relations", "sets", "matrices", "notation");
    public static final List<String> SPLITS = List.of("dev", "heldout");

    /** The corpus could not be read: every bad line, each naming its file and line. */
    public static final class InvalidCorpusException extends Exception {
        private final List<LineError> errors;

        InvalidCorpusException(List<LineError> errors) {
            super(errors.size() + " bad corpus line(s), first: " + errors.get(0));
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    private GradingCorpus() {
    }

    /** All cases of all files, in file order; ids must be unique across the files. */
    public static List<CorpusCase> read(List<Path> files) throws IOException, InvalidCorpusException {
        List<CorpusCase> cases = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, String> idsSeen = new HashMap<>();
        for (Path file : files) {
            errors.addAll(LineScan.of(file, count -> { }, line -> {
                CorpusCase c = parse(line);
                String before = idsSeen.putIfAbsent(c.id(), c.where());
                if (before != null) {
                    throw new BadLineException("id '" + c.id() + "' already used at " + before);
                }
                cases.add(c);
            }).errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidCorpusException(errors);
        }
        return cases;
    }

    private static CorpusCase parse(JsonLines.Line line) throws BadLineException {
        JsonFields fields = new JsonFields(line.json());
        boolean expected = fields.bool("expected");
        String category = fields.text("category");
        if (!CATEGORIES.contains(category)) {
            throw new BadLineException("unknown category '" + category + "', expected one of " + CATEGORIES);
        }
        String split = fields.text("split");
        if (!SPLITS.contains(split)) {
            throw new BadLineException("unknown split '" + split + "', expected one of " + SPLITS);
        }
        return new CorpusCase(fields.nonEmptyText("id"), fields.text("prediction"), fields.nonEmptyText("gold"),
                expected, category, split, fields.text("source"), fields.nullableText("note"), line.file(),
                line.number());
    }
}
