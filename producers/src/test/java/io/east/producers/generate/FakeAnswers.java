package io.east.producers.generate;

/** What the fake server answers, chosen by a marker in the question. */
final class FakeAnswers {

    static final String HALF = "[half]";
    static final String THOUSAND = "[thousand]";
    static final String MIXED = "[mixed]";
    static final String NO_ANSWER = "[none]";
    static final String HUGE = "[huge]";

    private FakeAnswers() {
    }

    static String answer(String prompt, int index) {
        if (prompt.contains(HALF)) {
            return "One split in two is \\boxed{\\dfrac12} .";
        }
        if (prompt.contains(THOUSAND)) {
            return "A kilogram has many grams. The answer is 1,000.";
        }
        if (prompt.contains(MIXED)) {
            return index % 2 == 0 ? "2 times 3 is \\boxed{6}" : "2 times 3 is \\boxed{7}";
        }
        if (prompt.contains(HUGE)) {
            return "Let me think. ".repeat(90_000) + "\\boxed{6}";
        }
        if (prompt.contains(NO_ANSWER)) {
            return "I would rather not say.";
        }
        return "Multiplying gives \\boxed{6}";
    }
}
