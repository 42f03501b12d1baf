package io.east.core.answer;

/**
 * Finds {@code \boxed{...}} and {@code \fbox{...}} commands. Shared by {@link AnswerExtractor#lastBoxed} and
 * {@link BoxGroups}, so that both read a box the same way.
 */
final class Boxes {

    /** Bounds the work spent on responses full of unbalanced {@code \boxed{} }. */
    static final int MAX_BOX_ATTEMPTS = 8;

    /** A box command at {@code start}, its content, and {@code end}, the index just after it. */
    record Box(int start, int end, String content) {}

    private Boxes() {}

    /** The last balanced box of {@code t}, trying at most {@link #MAX_BOX_ATTEMPTS} box commands; null if none. */
    static Box lastBalanced(String t) {
        int from = t.length();
        for (int attempt = 0; attempt < MAX_BOX_ATTEMPTS && from >= 0; attempt++) {
            int at = lastCommandBefore(t, from);
            if (at < 0) {
                return null;
            }
            Box box = boxAt(t, at);
            if (box != null) {
                return box;
            }
            from = at - 1;
        }
        return null;
    }

    /** Index of the last box command starting at or before {@code from}, or -1. */
    static int lastCommandBefore(String t, int from) {
        return Math.max(t.lastIndexOf("\\boxed", from), t.lastIndexOf("\\fbox", from));
    }

    /** The box whose command starts at {@code at}, or null when it is malformed (unbalanced, truncated). */
    static Box boxAt(String t, int at) {
        int commandLength = t.startsWith("\\boxed", at) ? 6 : 5;
        int i = at + commandLength;
        if (LatexScan.isLetterAt(t, i)) {
            return null; // \boxedsomething is another command
        }
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        if (i >= t.length()) {
            return null;
        }
        if (t.charAt(i) == '{') {
            int end = LatexScan.matchBrace(t, i);
            return end < 0 ? null : new Box(at, end + 1, t.substring(i + 1, end));
        }
        if (i == at + commandLength) {
            return null; // "\boxed5" is not LaTeX
        }
        // "\boxed 5$": the token up to the closing dollar or the end of the line.
        int end = i;
        while (end < t.length() && t.charAt(end) != '$' && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        String token = AnswerExtractor.trimSentenceEnd(t.substring(i, end));
        return token.isEmpty() ? null : new Box(at, end, token);
    }
}
