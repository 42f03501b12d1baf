package io.east.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.east.schemas.serde.HtmlSafeEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON documents the page receives. Records go in as {@code RecordJson} lines (already HTML-safe, written raw); the
 * envelope's own strings (experiment names, discard reasons) are escaped the same way here, so that no response
 * holds a literal {@code <}, {@code >} or {@code &} whatever a topic carries.
 */
final class HtmlSafeJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final CharacterEscapes ESCAPES = new HtmlSafeEscapes();

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private HtmlSafeJson() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(ESCAPES);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dashboard JSON", e);
        }
        return out.toString();
    }
}
