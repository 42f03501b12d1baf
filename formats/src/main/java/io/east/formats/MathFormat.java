package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.core.answer.AnswerExtractor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates lines of MATH files: {@code problem}, {@code solution}, and optionally {@code answer},
 * {@code level} ("Level 3" in MATH, 3 in MATH-500) and {@code unique_id}.
 */
public final class MathFormat {

    private static final Pattern LEVEL = Pattern.compile("(?:level\\s*)?(\\d{1,2})");

    private MathFormat() {
    }

    public static MathProblem parse(JsonNode json) throws BadLineException {
        JsonFields fields = new JsonFields(json);
        String problem = fields.nonEmptyText("problem");
        String uniqueId = fields.has("unique_id") ? fields.nonEmptyText("unique_id") : null;
        return new MathProblem(uniqueId, problem, gold(fields), level(fields));
    }

    /** The {@code answer} field; else the last {@code \boxed} of the solution, as the MATH answers were made. */
    private static String gold(JsonFields fields) throws BadLineException {
        String answer = fields.text("answer", "").strip();
        if (!answer.isEmpty()) {
            return answer;
        }
        String solution = fields.text("solution", "");
        return AnswerExtractor.lastBoxed(solution).map(String::strip).filter(box -> !box.isEmpty())
                .orElseThrow(() -> new BadLineException(
                        "no gold answer: 'answer' is missing or empty and 'solution' has no non-empty \\boxed{}"));
    }

    /** "Level 3" and 3 become "3"; "Level ?" and absent become null; anything else is refused. */
    private static String level(JsonFields fields) throws BadLineException {
        if (!fields.has("level")) {
            return null;
        }
        String text = fields.text("level").strip();
        if (text.equalsIgnoreCase("Level ?")) {
            return null;
        }
        Matcher matcher = LEVEL.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new BadLineException("field 'level' must be 'Level N' or N, got '" + text + "'");
        }
        return Integer.toString(Integer.parseInt(matcher.group(1)));
    }
}
