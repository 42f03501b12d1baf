package io.east.core.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of flat JSON objects as text, as the grading tests compare them: strings as they are, numbers and
 * booleans as written ({@code 1.50} stays {@code 1.50}).
 */
final class FlatJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private FlatJson() {
    }

    /** Every non-blank line of a JSON Lines file. */
    static List<Map<String, String>> readLines(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(parseObject(line));
            }
        }
        return rows;
    }

    static Map<String, String> parseObject(String line) throws JsonProcessingException {
        JsonNode object = JSON.readTree(line);
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        return fields;
    }
}
