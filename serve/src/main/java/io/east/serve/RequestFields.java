package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads one field of a JSON request body with its type checked; a missing field and an explicit null both read as
 * absent. Every failure is an {@link ApiError} naming the field.
 */
final class RequestFields {

    private final JsonNode body;

    RequestFields(JsonNode body) {
        this.body = body;
    }

    boolean present(String field) {
        JsonNode value = body.get(field);
        return value != null && !value.isNull();
    }

    JsonNode node(String field) {
        return body.get(field);
    }

    /** An integer field, or {@code fallback} when absent. */
    long integer(String field, long fallback) throws ApiError {
        JsonNode value = checked(field, v -> v.isIntegralNumber() && v.canConvertToLong(), "an integer");
        return value == null ? fallback : value.asLong();
    }

    /** An integer field in [min, max], or {@code fallback} when absent. */
    int integerIn(String field, int fallback, int min, int max) throws ApiError {
        long value = integer(field, fallback);
        if (value < min || value > max) {
            throw ApiError.invalid(field, field + " must be in [" + min + ", " + max + "], got " + value);
        }
        return (int) value;
    }

    /** A finite number, or {@code fallback} when absent. */
    double number(String field, double fallback) throws ApiError {
        JsonNode value = checked(field, v -> v.isNumber() && Double.isFinite(v.asDouble()), "a number");
        return value == null ? fallback : value.asDouble();
    }

    boolean bool(String field, boolean fallback) throws ApiError {
        JsonNode value = checked(field, JsonNode::isBoolean, "true or false");
        return value == null ? fallback : value.asBoolean();
    }

    /** A string, or null when absent. */
    String string(String field) throws ApiError {
        JsonNode value = checked(field, JsonNode::isTextual, "a string");
        return value == null ? null : value.asText();
    }

    /** The field's value when present, refused unless it is {@code expected}; null when absent. */
    private JsonNode checked(String field, Predicate<JsonNode> is, String expected) throws ApiError {
        if (!present(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!is.test(value)) {
            throw ApiError.invalid(field, field + " must be " + expected + ", got " + describe(value));
        }
        return value;
    }

    /** A string or an array of strings, as a list (empty when absent). */
    List<String> stringOrStrings(String field) throws ApiError {
        if (!present(field)) {
            return List.of();
        }
        JsonNode value = body.get(field);
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            throw ApiError.invalid(field, field + " must be a string or an array of strings, got " + describe(value));
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw ApiError.invalid(field, field + "[" + i + "] must be a string, got " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** For a feature this server lacks: the field may be absent or null only. */
    void requireAbsent(String field, String why) throws ApiError {
        if (present(field)) {
            throw ApiError.invalid(field, field + " is not supported: " + why);
        }
    }

    /** For a flag this server lacks: absent, null or false. */
    void requireFalse(String field, String why) throws ApiError {
        if (bool(field, false)) {
            throw ApiError.invalid(field, field + " is not supported: " + why);
        }
    }

    /** For a number whose only supported value is 0 (penalties). */
    void requireZero(String field, String why) throws ApiError {
        if (number(field, 0) != 0) {
            throw ApiError.invalid(field, field + " is not supported (only 0): " + why);
        }
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
