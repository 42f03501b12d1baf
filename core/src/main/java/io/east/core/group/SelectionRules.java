package io.east.core.group;

/**
 * Which of the reference pipeline's optional keep rules apply (docs/method.md).
 *
 * @param requireStringMatch   a response is correct only when the grader says so AND its answer string equals the
 *                             gold string; a question is dropped when more answers equal the gold than were graded
 *                             correct
 * @param requireBoxedChosen   the chosen response must hold a boxed answer; drop the question when none does
 * @param requireBoxedRejected drop the question when no wrong response holds a boxed answer; the rejected pool is
 *                             then every response giving the most common boxed wrong answer string, boxed or not
 */
public record SelectionRules(boolean requireStringMatch, boolean requireBoxedChosen, boolean requireBoxedRejected) {

    /** Keep every question with at least one correct and one wrong response. */
    public static final SelectionRules STANDARD = new SelectionRules(false, false, false);

    /** The reference code's preprocessing, to reproduce its numbers on its own files. */
    public static final SelectionRules REFERENCE = new SelectionRules(true, true, true);

    public static SelectionRules parse(String text) {
        return switch (text == null ? "" : text.trim()) {
            case "standard" -> STANDARD;
            case "reference" -> REFERENCE;
            default -> throw new IllegalArgumentException("rules must be standard or reference, got '" + text + "'");
        };
    }

    public String id() {
        if (equals(STANDARD)) {
            return "standard";
        }
        return equals(REFERENCE) ? "reference" : toString();
    }
}
