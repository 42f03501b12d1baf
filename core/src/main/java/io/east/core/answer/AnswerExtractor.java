package io.east.core.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model response or a dataset solution. Answers are returned trimmed but otherwise
 * verbatim; {@link AnswerNormalizer} and {@link ParsedAnswer} interpret them.
 */
public final class AnswerExtractor {

    /** Final answers sit at the end; only this many trailing characters of a huge response are searched. */
    static final int MAX_SCANNED = 100_000;
    private static final int MAX_BARE_LENGTH = 200;

    private static final Pattern HASH_ANSWER = Pattern.compile("####[ \\t]*([^\\n]*)");
    private static final Pattern ANSWER_IS = Pattern.compile(
            "(?i)\\banswer\\s+is\\s*:?|\\banswer\\s*:");
    private static final Pattern NUMBER = Pattern.compile(
            "(?:(?<![\\w)\\]}])[-\\u2212])?(?<![\\w.])(?:\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d+)(?:\\.\\d+)?(?:/\\d+)?");
    /** ", and ...", ", which ...": the clause after the answer. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?=[A-Za-z]{2,}\\b)");
    private static final Pattern GROUP_COMMAND = Pattern.compile(
            "\\\\(?:text|textbf|textit|textrm|mathrm|mathbf|mbox|operatorname)\\s*\\{[^{}]*\\}");

    /** Words allowed in a bare answer besides units: function names and LaTeX-free spellings of math words. */
    private static final Set<String> MATH_WORDS = Set.of(
            "sin", "cos", "tan", "sec", "csc", "cot", "log", "ln", "exp", "sqrt", "pi", "infty", "inf", "infinity", "and",
            "or", "cm", "mm", "km", "kg", "ft", "am", "pm");

    private static final Set<String> UNIT_WORDS = Set.of(
            "unit", "units", "square", "cubic", "inches", "inch", "feet", "foot", "meters", "meter", "miles", "mile",
            "hours", "hour", "minutes", "minute", "seconds", "second", "days", "day", "weeks", "years", "dollars",
            "dollar", "cents", "cent", "degrees", "degree", "pounds", "pound", "grams", "gram", "percent", "ways", "mph");

    private AnswerExtractor() {}

    /**
     * Final answer of a model response: the last {@code \boxed{...}} (balanced braces; also {@code \boxed 5} and
     * {@code \fbox{...}}), together with the boxes before it that are joined to it only by separators (see
     * {@link BoxGroups}: "\boxed{2} and \boxed{7}" gives "2, 7"); else a GSM8K {@code #### N} line; else "The answer is N" (case-insensitive, also "the
     * final answer is" and "Answer: N"); else the last number in the text. Empty when nothing is found. An empty
     * box is skipped.
     */
    public static Optional<String> extract(String response) {
        if (response == null || response.isEmpty()) {
            return Optional.empty();
        }
        String text = tail(response);
        BoxGroups.Group boxes = BoxGroups.last(text);
        if (boxes != null) {
            return Optional.of(boxes.answer());
        }
        Optional<String> hash = lastHashAnswer(text);
        if (hash.isPresent()) {
            return hash;
        }
        Optional<String> stated = answerIs(text);
        if (stated.isPresent()) {
            return stated;
        }
        return lastNumber(text);
    }

    /** Content of the last {@code \boxed{...}} or {@code \fbox{...}}, balanced braces; may be empty. */
    public static Optional<String> lastBoxed(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Boxes.Box box = Boxes.lastBalanced(tail(text));
        return box == null ? Optional.empty() : Optional.of(box.content());
    }

    public static boolean containsBoxed(String text) {
        return lastBoxed(text).isPresent();
    }

    /**
     * {@link #containsBoxed(String)} of {@code text[offset, offset + length)}, for readers that hold responses in a
     * parser's buffer: the answer depends only on the box commands {@link #lastBoxed} would try and what follows them,
     * so only that end of the text becomes a string, and none when it holds no box command.
     */
    public static boolean containsBoxed(char[] text, int offset, int length) {
        int end = offset + length;
        int start = end - Math.min(length, MAX_SCANNED);
        int earliestTried = -1;
        int found = 0;
        for (int i = end - 5; i >= start && found < Boxes.MAX_BOX_ATTEMPTS; i--) {
            if (text[i] == '\\' && (startsWith(text, i, end, "\\boxed") || startsWith(text, i, end, "\\fbox"))) {
                earliestTried = i;
                found++;
            }
        }
        return earliestTried >= 0 && containsBoxed(new String(text, earliestTried, end - earliestTried));
    }

    private static boolean startsWith(char[] text, int at, int end, String command) {
        if (end - at < command.length()) {
            return false;
        }
        for (int j = 1; j < command.length(); j++) {
            if (text[at + j] != command.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For inputs that may be either a bare answer ({@code 1/2}, {@code \frac{1}{2}}, {@code (1, 2)}) or a whole
     * response or solution: an explicit marker (box, {@code ####}, "the answer is") wins; else text that looks like
     * a bare answer (no prose) is returned whole; else the last number.
     */
    public static Optional<String> extractOrBare(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (containsBoxed(t) || HASH_ANSWER.matcher(t).find() || ANSWER_IS.matcher(t).find()) {
            return extract(t);
        }
        if (looksBare(t)) {
            return Optional.of(t);
        }
        return lastNumber(tail(t));
    }

    private static String tail(String s) {
        return s.length() <= MAX_SCANNED ? s : s.substring(s.length() - MAX_SCANNED);
    }

    private static Optional<String> lastHashAnswer(String text) {
        int at = text.lastIndexOf("####");
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = HASH_ANSWER.matcher(text);
        if (!m.find(at)) {
            return Optional.empty();
        }
        String answer = m.group(1).strip();
        return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
    }

    /** "The answer is $\frac{1}{2}$." and "The final answer is 18 apples." */
    private static Optional<String> answerIs(String text) {
        Matcher m = ANSWER_IS.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        if (last < 0) {
            return Optional.empty();
        }
        String rest = text.substring(last, Math.min(text.length(), last + 500)).strip();
        rest = stripMarkdown(rest);
        String math = leadingMath(rest);
        if (math != null && !math.isBlank()) {
            return Optional.of(math.strip());
        }
        String segment = firstSentence(rest);
        Matcher clause = CLAUSE_BREAK.matcher(segment);
        if (clause.find()) {
            segment = segment.substring(0, clause.start());
        }
        segment = trimSentenceEnd(segment);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        if (looksBare(segment)) {
            return Optional.of(segment);
        }
        Matcher n = NUMBER.matcher(segment);
        return n.find() ? Optional.of(n.group()) : Optional.empty();
    }

    private static String stripMarkdown(String s) {
        String t = s;
        while (t.startsWith("*") || t.startsWith(":") || t.startsWith("_")) {
            t = t.substring(1).strip();
        }
        return t;
    }

    /** Content of a leading {@code $...$}, {@code $$...$$}, {@code \(...\)} or {@code \[...\]}. */
    private static String leadingMath(String s) {
        String[][] delimiters = {{"$$", "$$"}, {"$", "$"}, {"\\(", "\\)"}, {"\\[", "\\]"}};
        for (String[] d : delimiters) {
            if (s.startsWith(d[0])) {
                int end = s.indexOf(d[1], d[0].length());
                return end < 0 ? null : s.substring(d[0].length(), end);
            }
        }
        return null;
    }

    private static String firstSentence(String s) {
        int end = s.length();
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            end = newline;
        }
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '.' && (i + 1 >= end || Character.isWhitespace(s.charAt(i + 1)))) {
                return s.substring(0, i);
            }
        }
        return s.substring(0, end);
    }

    static String trimSentenceEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;!?*".indexOf(t.charAt(t.length() - 1)) >= 0
                && !(t.length() >= 2 && t.charAt(t.length() - 2) == '\\')) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static Optional<String> lastNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return Optional.ofNullable(last);
    }

    /**
     * A bare answer has at most one prose word (letters only, not a unit or function name, outside {@code \text}):
     * "Monday", "18 apples" and "x^2+1" are bare, "Natalia sold 48 clips" is not.
     */
    static boolean looksBare(String t) {
        if (t.length() > MAX_BARE_LENGTH || t.indexOf('\n') >= 0) {
            return false;
        }
        String withoutText = GROUP_COMMAND.matcher(t).replaceAll(" ");
        int prose = 0;
        for (String token : withoutText.split("\\s+")) {
            String word = token;
            while (!word.isEmpty() && "([{".indexOf(word.charAt(0)) >= 0) {
                word = word.substring(1);
            }
            while (!word.isEmpty() && ".,;:!?)]}".indexOf(word.charAt(word.length() - 1)) >= 0) {
                word = word.substring(0, word.length() - 1);
            }
            if (word.length() < 2 || !word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (MATH_WORDS.contains(lower) || UNIT_WORDS.contains(lower)) {
                continue;
            }
            prose++;
            if (prose > 1) {
                return false;
            }
        }
        return true;
    }
}
