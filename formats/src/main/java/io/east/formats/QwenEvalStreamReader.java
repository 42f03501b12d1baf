package io.east.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.east.core.answer.AnswerExtractor;
import io.east.core.group.SampleAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for qwen-eval lines: one pass of Jackson's streaming parser over a line, looking at each response
 * once and keeping only {@link QwenEvalAnswers}. It answers only for lines that are plainly valid; for anything else
 * (a bad field, a repeated key, a number written as a fraction, invalid JSON) it answers null, and the tree path of
 * {@link QwenEvalFormat} decides, so that values and error messages stay exactly what they were.
 */
final class QwenEvalStreamReader {

    /**
     * Skipped strings are not measured against Jackson's longest allowed string, which the tree path enforces; a
     * line longer than that limit (in bytes, so in chars too) goes to the tree path.
     */
    private static final int MAX_LINE_BYTES = JsonLines.MAPPER.getFactory().streamReadConstraints()
            .getMaxStringLength();

    private QwenEvalStreamReader() {
    }

    /** The answers of a line of well-formed UTF-8, or null when the tree path must read it. */
    static QwenEvalAnswers read(byte[] utf8, int offset, int length) {
        if (length > MAX_LINE_BYTES || !plainUtf8Start(utf8, offset, length)) {
            return null;
        }
        try (JsonParser parser = JsonLines.MAPPER.createParser(utf8, offset, length)) {
            return read(parser);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Jackson guesses the encoding of bytes from their start (a byte order mark, or zero bytes for UTF-16 and 32),
     * while the tree path reads text already decoded as UTF-8; a line that starts with '{' and no zero byte leaves
     * nothing to guess.
     */
    private static boolean plainUtf8Start(byte[] utf8, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && (utf8[i] == ' ' || utf8[i] == '\t')) {
            i++;
        }
        if (i >= end || utf8[i] != '{') {
            return false;
        }
        for (int k = offset; k < Math.min(end, offset + 4); k++) {
            if (utf8[k] == 0) {
                return false;
            }
        }
        return true;
    }

    private static QwenEvalAnswers read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String idx = null;
        String gold = null;
        boolean question = false;
        List<Boolean> boxed = null;
        List<String> predictions = null;
        List<Boolean> scores = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "idx" -> {
                    if (idx != null || (idx = scalarText(parser, value)) == null || idx.isBlank()) {
                        return null;
                    }
                }
                case "question" -> {
                    // Only checked, as the tree path checks it: a string, a number, or null.
                    if (question || value.isStructStart() || value.isBoolean()) {
                        return null;
                    }
                    question = true;
                }
                case "gt" -> {
                    if (gold != null || (gold = scalarText(parser, value)) == null) {
                        return null;
                    }
                }
                case "code" -> {
                    if (boxed != null || (boxed = array(parser, value, QwenEvalStreamReader::addBoxedFlag)) == null) {
                        return null;
                    }
                }
                case "pred" -> {
                    if (predictions != null
                            || (predictions = array(parser, value, QwenEvalStreamReader::addPrediction)) == null) {
                        return null;
                    }
                }
                case "score" -> {
                    if (scores != null || (scores = array(parser, value, QwenEvalStreamReader::addScore)) == null) {
                        return null;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (idx == null || gold == null || boxed == null || predictions == null || scores == null || boxed.isEmpty()
                || predictions.size() != boxed.size() || scores.size() != boxed.size()) {
            return null;
        }
        List<SampleAnswer> answers = new ArrayList<>(boxed.size());
        for (int i = 0; i < boxed.size(); i++) {
            answers.add(new SampleAnswer(i, predictions.get(i), scores.get(i), boxed.get(i)));
        }
        return new QwenEvalAnswers(idx, gold, answers);
    }

    /** A string, or an integer written as the tree path's number node writes it; null for anything else. */
    private static String scalarText(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        return switch (parser.getNumberType()) {
            case INT -> Integer.toString(parser.getIntValue());
            case LONG -> Long.toString(parser.getLongValue());
            default -> parser.getBigIntegerValue().toString();
        };
    }

    /** Adds the array element the parser is on to a list; false when the element sends the line to the tree path. */
    @FunctionalInterface
    private interface ElementReader<T> {
        boolean add(JsonParser parser, JsonToken element, List<T> to) throws IOException;
    }

    /** The elements of an array value, or null when the value is not an array or one of its elements is refused. */
    private static <T> List<T> array(JsonParser parser, JsonToken value, ElementReader<T> reader) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<T> elements = new ArrayList<>(64);
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (!reader.add(parser, element, elements)) {
                return null;
            }
        }
        return elements;
    }

    /** Whether a response holds a boxed answer, read straight from the parser's buffer. */
    private static boolean addBoxedFlag(JsonParser parser, JsonToken element, List<Boolean> boxed)
            throws IOException {
        if (element == JsonToken.VALUE_STRING) {
            boxed.add(AnswerExtractor.containsBoxed(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength()));
        } else if (element.isNumeric()) {
            boxed.add(false); // a number's text has no backslash
        } else {
            return false;
        }
        return true;
    }

    private static boolean addPrediction(JsonParser parser, JsonToken element, List<String> predictions)
            throws IOException {
        if (element == JsonToken.VALUE_NULL) {
            predictions.add(null);
            return true;
        }
        String text = scalarText(parser, element);
        if (text == null) {
            return false;
        }
        predictions.add(text);
        return true;
    }

    private static boolean addScore(JsonParser parser, JsonToken element, List<Boolean> scores) {
        if (!element.isBoolean()) {
            return false;
        }
        scores.add(element == JsonToken.VALUE_TRUE);
        return true;
    }
}
