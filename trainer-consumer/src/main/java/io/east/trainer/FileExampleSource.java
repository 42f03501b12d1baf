package io.east.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.formats.BadLineException;
import io.east.formats.WeightedExampleFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * WeightedExamples from a JSON Lines file (the --data mode, no Kafka), one per line as {@link WeightedExampleFormat}
 * reads them. The stream key is {@code file:NAME} (the file name, so a moved file still resumes) and a record's
 * offset is its 0-based line index, so a checkpoint's position is the number of lines consumed and a restart skips
 * exactly those. Blank lines are consumed silently; a malformed line becomes an unusable record reported as
 * {@code FILE:LINE: reason}.
 */
public final class FileExampleSource implements ExampleSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String key;
    private final BufferedReader reader;
    private final long start;
    private long linesRead;
    private boolean exhausted;

    private FileExampleSource(Path file, BufferedReader reader, long start) {
        this.file = file;
        this.key = keyFor(file);
        this.reader = reader;
        this.start = start;
    }

    /** Opens {@code file} and skips the lines a checkpoint's {@code saved} positions say were consumed. */
    public static FileExampleSource open(Path file, Map<String, Long> saved) throws IOException {
        long skip = saved.getOrDefault(keyFor(file), 0L);
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        FileExampleSource source = new FileExampleSource(file, reader, skip);
        try {
            for (long i = 0; i < skip; i++) {
                if (reader.readLine() == null) {
                    throw new IOException(file + " has fewer lines (" + i + ") than the checkpoint consumed (" + skip
                            + "): is it the same file?");
                }
                source.linesRead++;
            }
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return source;
    }

    public static String keyFor(Path file) {
        return "file:" + file.getFileName();
    }

    @Override
    public Optional<IncomingExample> next(Duration timeout) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                long index = linesRead++;
                if (!line.isBlank()) {
                    return Optional.of(parse(line, new SourcePosition(key, index)));
                }
            }
            exhausted = true;
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + (linesRead + 1), e);
        }
    }

    private IncomingExample parse(String line, SourcePosition position) {
        String where = file + ":" + (position.offset() + 1) + ": ";
        try {
            return IncomingExample.of(position, WeightedExampleFormat.parse(JSON.readTree(line)));
        } catch (JsonProcessingException e) {
            return IncomingExample.unusable(position, where + "invalid JSON: " + e.getOriginalMessage());
        } catch (BadLineException e) {
            return IncomingExample.unusable(position, where + e.getMessage());
        }
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public Map<String, Long> startPositions() {
        return Map.of(key, start);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
