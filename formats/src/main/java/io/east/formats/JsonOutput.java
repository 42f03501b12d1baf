package io.east.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes JSON Lines to a file, or to standard output when the path is "-". */
public final class JsonOutput implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The content of one line, written straight to a generator so that no map or tree is built for it. */
    public interface LineContent {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private final Writer writer;
    private final boolean ownsStream;
    /** Made on first use, over the same writer; its buffer is drained before anything else is written. */
    private JsonGenerator generator;

    private JsonOutput(Writer writer, boolean ownsStream) {
        this.writer = writer;
        this.ownsStream = ownsStream;
    }

    public static JsonOutput open(Path file) throws IOException {
        if ("-".equals(file.toString())) {
            return to(System.out);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new JsonOutput(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
    }

    public static JsonOutput to(OutputStream stream) {
        return new JsonOutput(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), false);
    }

    public void write(Object value) {
        try {
            drainGenerator();
            writer.write(MAPPER.writeValueAsString(value));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeRaw(String jsonLine) {
        try {
            drainGenerator();
            writer.write(jsonLine);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line with a streaming generator. */
    public void writeLine(LineContent content) {
        try {
            if (generator == null) {
                generator = MAPPER.createGenerator(writer);
                generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                generator.setRootValueSeparator(null);
            }
            content.writeTo(generator);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drainGenerator() throws IOException {
        if (generator != null) {
            generator.flush();
        }
    }

    public void flush() {
        try {
            drainGenerator();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        drainGenerator();
        if (ownsStream) {
            writer.close();
        } else {
            writer.flush();
        }
    }
}
