package io.east.cli.grade;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.formats.BadLineException;
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
        JsonNode json = line.json();
        JsonNode expected = json.get("expected");
        if (expected == null || !expected.isBoolean()) {
            throw new BadLineException("field 'expected' must be true or false");
        }
        String category = text(json, "category");
        if (!CATEGORIES.contains(category)) {
            throw new BadLineException("unknown category '" + category + "', expected one of " + CATEGORIES);
        }
        String split = text(json, "split");
        if (!SPLITS.contains(split)) {
            throw new BadLineException("unknown split '" + split + "', expected one of " + SPLITS);
        }
        String gold = text(json, "gold");
        if (gold.isBlank()) {
            throw new BadLineException("field 'gold' is blank");
        }
        JsonNode note = json.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw new BadLineException("field 'note' must be a string");
        }
        String id = text(json, "id");
        if (id.isBlank()) {
            throw new BadLineException("field 'id' is blank");
        }
        return new CorpusCase(id, text(json, "prediction"), gold, expected.booleanValue(), category, split,
                text(json, "source"), note == null || note.isNull() ? null : note.asText(), line.file(),
                line.number());
    }

    private static String text(JsonNode json, String field) throws BadLineException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new BadLineException("missing field '" + field + "'");
        }
        if (!value.isTextual()) {
            throw new BadLineException("field '" + field + "' must be a string");
        }
        return value.asText();
    }
}
