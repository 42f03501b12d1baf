package io.east.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a JSON Lines file one object at a time. Blank lines are skipped; a line that is not a JSON object becomes a
 * {@link LineError} instead of stopping the read, so one bad line never loses the good ones.
 */
public final class JsonLines implements AutoCloseable, Iterable<JsonLines.Line> {

    /** One non-blank line: either a JSON object or the error that kept it from being one. */
    public record Line(Path file, long number, JsonNode json, LineError error) {

        public boolean ok() {
            return error == null;
        }

        /** The error for a line whose JSON was fine but whose content was not. */
        public LineError error(String reason) {
            return new LineError(file, number, reason);
        }
    }

    /** Also the streaming readers' factory, so both paths parse with the same features and limits. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private JsonLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Opens a file, or standard input when the path is "-". */
    public static JsonLines open(Path file) throws IOException {
        return new JsonLines(file, reader(file));
    }

    /** The text of a file, or of standard input when the path is "-", decoded as every reader of lines decodes it. */
    static BufferedReader reader(Path file) throws IOException {
        return isStandardInput(file)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    static boolean isStandardInput(Path file) {
        return "-".equals(file.toString());
    }

    public Path file() {
        return file;
    }

    @Override
    public Iterator<Line> iterator() {
        return new Iterator<>() {
            private Line next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Line next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Line current = next;
                next = advance();
                return current;
            }
        };
    }

    private Line advance() {
        try {
            String text;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (!text.isBlank()) {
                    return parse(text);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + (lineNumber + 1), e);
        }
    }

    private Line parse(String text) {
        try {
            return new Line(file, lineNumber, parseObject(text), null);
        } catch (BadLineException e) {
            return new Line(file, lineNumber, null, new LineError(file, lineNumber, e.getMessage()));
        }
    }

    /** One line as a JSON object, or the reason it is not one, worded as every reader of lines reports it. */
    static JsonNode parseObject(String text) throws BadLineException {
        try {
            JsonNode json = MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw new BadLineException("not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new BadLineException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (!isStandardInput(file)) {
            reader.close();
        }
    }
}
