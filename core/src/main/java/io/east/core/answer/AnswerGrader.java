package io.east.core.answer;

/** Grades a prediction against a gold answer. Never throws. */
public final class AnswerGrader {

    private AnswerGrader() {}

    /** Result of {@link #grade}: the verdict and the two answers it compared ({@code null} when none was found). */
    public record Grade(boolean equivalent, String predictionAnswer, String goldAnswer) {}

    /**
     * Both arguments are already-extracted answers. Same as
     * {@code ParsedAnswer.parse(predictionAnswer).equivalentTo(ParsedAnswer.parse(goldAnswer))}; a null or empty
     * prediction is never equivalent.
     */
    public static boolean equivalent(String predictionAnswer, String goldAnswer) {
        if (predictionAnswer == null || predictionAnswer.isBlank() || goldAnswer == null) {
            return false;
        }
        return ParsedAnswer.parse(predictionAnswer).equivalentTo(ParsedAnswer.parse(goldAnswer));
    }

    /**
     * For the {@code grade} command: the prediction may be a whole response or a bare answer, the gold a bare
     * answer, a GSM8K solution ({@code #### N}) or a MATH solution ({@code \boxed}). Both go through
     * {@link AnswerExtractor#extractOrBare}.
     */
    public static Grade grade(String prediction, String gold) {
        String predictionAnswer = AnswerExtractor.extractOrBare(prediction).orElse(null);
        String goldAnswer = AnswerExtractor.extractOrBare(gold).orElse(null);
        boolean equivalent = predictionAnswer != null && goldAnswer != null && equivalent(predictionAnswer, goldAnswer);
        return new Grade(equivalent, predictionAnswer, goldAnswer);
    }
}
