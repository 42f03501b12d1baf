package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed, validated access to the fields of one JSON line; every failure names the field. */
public final class JsonFields {

    private final JsonNode json;

    public JsonFields(JsonNode json) {
        this.json = json;
    }

    public boolean has(String field) {
        return json.hasNonNull(field);
    }

    public JsonNode node(String field) throws BadLineException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new BadLineException("missing field '" + field + "'");
        }
        return value;
    }

    /** A string; numbers are accepted as written, since some files store ids and answers as numbers. */
    public String text(String field) throws BadLineException {
        return asText(node(field), field);
    }

    public String text(String field, String fallback) throws BadLineException {
        return has(field) ? text(field) : fallback;
    }

    public String nonEmptyText(String field) throws BadLineException {
        String value = text(field);
        if (value.isBlank()) {
            throw new BadLineException("field '" + field + "' is empty");
        }
        return value;
    }

    /** A nullable string: absent or null gives null. */
    public String nullableText(String field) throws BadLineException {
        return has(field) ? text(field) : null;
    }

    public long integer(String field) throws BadLineException {
        JsonNode value = node(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadLineException("field '" + field + "' must be an integer, got " + value);
        }
        return value.longValue();
    }

    public long integer(String field, long fallback) throws BadLineException {
        return has(field) ? integer(field) : fallback;
    }

    public int intInRange(String field, long min, long max) throws BadLineException {
        long value = integer(field);
        if (value < min || value > max) {
            throw new BadLineException("field '" + field + "' must be in [" + min + ", " + max + "], got " + value);
        }
        return (int) value;
    }

    public int intInRange(String field, long min, long max, int fallback) throws BadLineException {
        return has(field) ? intInRange(field, min, max) : fallback;
    }

    public boolean bool(String field) throws BadLineException {
        return asBoolean(node(field), field);
    }

    public Double nullableFiniteDouble(String field) throws BadLineException {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node(field);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new BadLineException("field '" + field + "' must be a finite number, got " + value);
        }
        return value.doubleValue();
    }

    /** A number, or one of the strings RecordJson writes for the values a JSON number cannot hold. */
    public double number(String field) throws BadLineException {
        JsonNode value = node(field);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        switch (value.isTextual() ? value.textValue() : "") {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new BadLineException("field '" + field + "' must be a number, got " + value);
        }
    }

    public double number(String field, double fallback) throws BadLineException {
        return has(field) ? number(field) : fallback;
    }

    public JsonNode array(String field) throws BadLineException {
        JsonNode value = node(field);
        if (!value.isArray()) {
            throw new BadLineException("field '" + field + "' must be an array");
        }
        return value;
    }

    static String asText(JsonNode value, String where) throws BadLineException {
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw new BadLineException("'" + where + "' must be a string, got " + value.getNodeType());
    }

    static boolean asBoolean(JsonNode value, String where) throws BadLineException {
        if (!value.isBoolean()) {
            throw new BadLineException("'" + where + "' must be true or false, got " + value);
        }
        return value.booleanValue();
    }
}
