package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Parses and validates lines of GSM8K files: {"question": ..., "answer": "steps...\n#### N"}. */
public final class Gsm8kFormat {

    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Gsm8kFormat() {
    }

    public static Gsm8kProblem parse(JsonNode json) throws BadLineException {
        JsonFields fields = new JsonFields(json);
        String question = fields.nonEmptyText("question");
        return new Gsm8kProblem(question, finalAnswer(fields.text("answer")));
    }

    /**
     * The text after the last {@code ####} of a solution, on that line. Thousands separators are dropped
     * ({@code 1,080} becomes {@code 1080}): the gold is compared as a string by the reference rules, and model
     * answers are rarely written with separators.
     */
    static String finalAnswer(String solution) throws BadLineException {
        int at = solution.lastIndexOf("####");
        if (at < 0) {
            throw new BadLineException("field 'answer' has no '#### N' final answer line");
        }
        int end = solution.indexOf('\n', at);
        String answer = solution.substring(at + 4, end < 0 ? solution.length() : end).strip();
        if (answer.isEmpty()) {
            throw new BadLineException("field 'answer' has an empty '####' final answer");
        }
        return THOUSANDS.matcher(answer).matches() ? answer.replace(",", "") : answer;
    }
}
