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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private JsonLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Opens a file, or standard input when the path is "-". */
    public static JsonLines open(Path file) throws IOException {
        BufferedReader reader = "-".equals(file.toString())
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return new JsonLines(file, reader);
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
            JsonNode json = MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                return new Line(file, lineNumber, null, new LineError(file, lineNumber, "not a JSON object"));
            }
            return new Line(file, lineNumber, json, null);
        } catch (JsonProcessingException e) {
            return new Line(file, lineNumber, null,
                    new LineError(file, lineNumber, "invalid JSON: " + e.getOriginalMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        if (!"-".equals(file.toString())) {
            reader.close();
        }
    }
}
