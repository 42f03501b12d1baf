package io.east.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
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
    private static final CharacterEscapes ESCAPES = new Escapes();

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

    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        Escapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
