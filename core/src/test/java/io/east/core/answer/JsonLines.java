package io.east.core.answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the string fields of flat JSON objects, one per line. Core has no JSON library and the datasets only hold
 * string and number fields, so a small reader keeps the test dependency-free. Non-string values are kept as their
 * literal text.
 */
final class JsonLines {

    private JsonLines() {}

    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(parseObject(line));
            }
        }
        return rows;
    }

    static Map<String, String> parseObject(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        int[] pos = {skip(json, 0)};
        expect(json, pos, '{');
        while (true) {
            pos[0] = skip(json, pos[0]);
            if (json.charAt(pos[0]) == '}') {
                return fields;
            }
            String key = string(json, pos);
            pos[0] = skip(json, pos[0]);
            expect(json, pos, ':');
            pos[0] = skip(json, pos[0]);
            String value;
            if (json.charAt(pos[0]) == '"') {
                value = string(json, pos);
            } else {
                int start = pos[0];
                while (",}".indexOf(json.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                value = json.substring(start, pos[0]).strip();
            }
            fields.put(key, value);
            pos[0] = skip(json, pos[0]);
            if (json.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos[0]);
        }
        pos[0]++;
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
    }
}
