package io.east.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence that states the answer: "The final answer is $3,456$.", "Answer: 42", "Answer $ 9 $" (the word
 * Answer at the start of a line followed by math), and the same in other languages ("所以答案是 $\frac{3}{4}$。",
 * "Ответ: 7", "La réponse est 2", "Die Antwort ist 42", "La respuesta es 15").
 */
final class AnswerStatement {

    /** How far after the marker the answer is looked for. */
    private static final int MAX_ANSWER_LENGTH = 500;

    private static final Pattern MARKER = Pattern.compile(String.join("|",
            "\\banswer\\s+is\\s*:?",
            "\\banswer\\s*:",
            "^[\\s*#>_]*answer[\\s*_]*(?=\\$|\\\\\\(|\\\\\\[)",
            "答案\\s*(?:是|为|為)?\\s*[:：]?",
            "答え\\s*(?:は|[:：])",
            "\\bответ\\s*[:：]?",
            "\\bréponse\\s+(?:finale\\s+)?est\\s*:?",
            "\\bréponse\\s*(?:finale\\s*)?:",
            "\\bantwort\\s+(?:ist|lautet)\\s*:?",
            "\\bantwort\\s*:",
            "\\brespuesta\\s+(?:final\\s+)?es\\s*:?",
            "\\brespuesta\\s*(?:final\\s*)?:",
            "\\bresposta\\s+(?:final\\s+)?é\\s*:?",
            "\\bresposta\\s*(?:final\\s*)?:",
            "\\brisposta\\s+(?:finale\\s+)?è\\s*:?",
            "\\brisposta\\s*(?:finale\\s*)?:"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);

    /**
     * The word every marker contains: a cheap scan for it keeps the marker pattern off the rest of a long text.
     * The marker pattern runs only in a window around each keyword, from the last keyword backwards.
     */
    private static final Pattern KEYWORD = Pattern.compile(
            "answer|答案|答え|ответ|réponse|antwort|respuesta|resposta|risposta",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far before its keyword a marker may start ("la respuesta final es", a line's leading markdown). */
    private static final int WINDOW_BEFORE = 32;
    private static final int WINDOW_AFTER = 40;

    /** ", and ...", ", which ...": the clause after the answer. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?=[A-Za-z]{2,}\\b)");

    /**
     * The last statement of {@code text}: where its marker starts, its answer (null when none could be read), and
     * whether the answer is explicit, i.e. the marker is directly followed by math or a number. Only an explicit
     * statement may overrule an earlier box ("... the answer is not 6" may not).
     */
    record Found(int markerStart, String answer, boolean explicit) {}

    private AnswerStatement() {}

    static boolean present(String text) {
        return last(text) != null;
    }

    /** The last statement in {@code text}, or null when there is no marker. */
    static Found last(String text) {
        int[] marker = lastMarker(text);
        if (marker == null) {
            return null;
        }
        int start = marker[0];
        int end = marker[1];
        String rest = stripMarkdown(text.substring(end, Math.min(text.length(), end + MAX_ANSWER_LENGTH)).strip());
        if (rest.startsWith("$") || rest.startsWith("\\(") || rest.startsWith("\\[")) {
            MathSegments.Span math = MathSegments.leading(rest);
            if (math != null) {
                String content = math.content(rest).strip();
                boolean usable = !math.broken() && !content.isEmpty();
                return new Found(start, usable ? content : null, usable);
            }
        }
        boolean explicit = AnswerExtractor.NUMBER.matcher(rest).lookingAt();
        return new Found(start, answerIn(rest), explicit);
    }

    /** Start and end of the last marker, or null. */
    private static int[] lastMarker(String text) {
        Matcher k = KEYWORD.matcher(text);
        List<Integer> keywords = new ArrayList<>();
        while (k.find()) {
            keywords.add(k.start());
        }
        Matcher m = MARKER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = keywords.size() - 1; i >= 0; i--) {
            int keyword = keywords.get(i);
            m.region(Math.max(0, keyword - WINDOW_BEFORE), Math.min(text.length(), keyword + WINDOW_AFTER));
            int[] last = null;
            while (m.find()) {
                if (m.start() <= keyword && m.end() > keyword) {
                    last = new int[] {m.start(), m.end()};
                }
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    /** The answer at the start of a sentence: the sentence itself when it looks bare, else its first number. */
    private static String answerIn(String rest) {
        String segment = firstSentence(rest);
        Matcher clause = CLAUSE_BREAK.matcher(segment);
        if (clause.find()) {
            segment = segment.substring(0, clause.start());
        }
        segment = AnswerExtractor.trimSentenceEnd(segment);
        if (segment.isEmpty()) {
            return null;
        }
        if (AnswerExtractor.looksBare(segment)) {
            return segment;
        }
        Matcher n = AnswerExtractor.NUMBER.matcher(segment);
        return n.find() ? n.group() : null;
    }

    private static String stripMarkdown(String s) {
        String t = s;
        while (t.startsWith("*") || t.startsWith(":") || t.startsWith("_")) {
            t = t.substring(1).strip();
        }
        return t;
    }

    /** Up to the end of the line, a full stop before a space, or a full-width full stop, comma or semicolon. */
    private static String firstSentence(String s) {
        int end = s.length();
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean fullStop = c == '.' && (i + 1 >= end || Character.isWhitespace(s.charAt(i + 1)));
            if (c == '\n' || fullStop || "。，；".indexOf(c) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
