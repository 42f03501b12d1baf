package io.east.core.answer;

import java.util.List;
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
    /**
     * A number: thousands separators ({@code 3,456}), a decimal comma ({@code 2,74}, {@code 1000,99}: one comma
     * followed by one, two or more than three digits, not within a list such as {@code 1,2,3}), a decimal point,
     * a fraction {@code 3/4}.
     */
    static final Pattern NUMBER = Pattern.compile("(?:(?<![\\w)\\]}])[-\\u2212])?(?<![\\w.])"
            + "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|(?<!\\d,)\\d+,(?:\\d{1,2}|\\d{4,})(?![\\d,])|\\d+)"
            + "(?:\\.\\d+)?(?:/\\d+)?");
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
     * Final answer of a model response, by the first rule that gives one:
     * <ol>
     *   <li>the last {@code \boxed{...}} (balanced braces; also {@code \boxed 5} and {@code \fbox{...}}), together
     *       with the boxes before it that are joined to it only by separators ({@link BoxGroups}: "\boxed{2} and
     *       \boxed{7}" gives "2, 7"); an empty box adds nothing. But an explicit {@link AnswerStatement} ("The final
     *       answer is $3,456$", the marker followed by math or a number) that starts after the group wins: the
     *       later of the two is the response's last word;
     *   <li>a GSM8K {@code #### N} line;
     *   <li>the last answer statement: "The answer is N", "the final answer is", "Answer: N", "Answer $N$" at the
     *       start of a line, and markers in other languages (答案是, Ответ:, La réponse est ...);
     *   <li>the {@link #lastValue last value}: the last math segment when no number follows it, else the last
     *       number.
     * </ol>
     * Empty when nothing is found.
     */
    public static Optional<String> extract(String response) {
        if (response == null || response.isEmpty()) {
            return Optional.empty();
        }
        String text = tail(response);
        BoxGroups.Group boxes = BoxGroups.last(text);
        AnswerStatement.Found statement = AnswerStatement.last(text);
        if (boxes != null) {
            boolean statedLater = statement != null && statement.explicit() && statement.markerStart() >= boxes.end();
            return Optional.of(statedLater ? statement.answer() : boxes.answer());
        }
        Optional<String> hash = lastHashAnswer(text);
        if (hash.isPresent()) {
            return hash;
        }
        if (statement != null && statement.answer() != null) {
            return Optional.of(statement.answer());
        }
        return lastValue(text);
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
     * a bare answer (no prose) is returned whole; else the {@link #lastValue last value}.
     */
    public static Optional<String> extractOrBare(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        String scanned = tail(t);
        if (containsBoxed(scanned) || HASH_ANSWER.matcher(scanned).find() || AnswerStatement.present(scanned)) {
            return extract(scanned);
        }
        if (looksBare(t)) {
            return Optional.of(t);
        }
        return lastValue(scanned);
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

    static String trimSentenceEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;!?*。，；！？".indexOf(t.charAt(t.length() - 1)) >= 0
                && !(t.length() >= 2 && t.charAt(t.length() - 2) == '\\')) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /**
     * The answer of a text without markers: the content of the last math segment ({@link MathSegments}) when no
     * number outside math follows it ("so the point is $(4, 9)$." gives "(4, 9)", "the area is $12\sqrt{3}$ square
     * units" gives "12\sqrt{3}"), else the last number outside math. A segment that is a single letter only names
     * a variable ("the value of $x$") and is passed over; numbers inside a {@link MathSegments.Span#broken() broken}
     * span are not taken either.
     */
    static Optional<String> lastValue(String text) {
        List<MathSegments.Span> spans = MathSegments.scan(text);
        int spanIndex = 0;
        Matcher m = NUMBER.matcher(text);
        String number = null;
        int numberStart = -1;
        while (m.find()) {
            while (spanIndex < spans.size() && spans.get(spanIndex).end() <= m.start()) {
                spanIndex++;
            }
            if (spanIndex < spans.size() && spans.get(spanIndex).start() <= m.start()) {
                continue; // inside math
            }
            number = m.group();
            numberStart = m.start();
        }
        for (int i = spans.size() - 1; i >= 0 && spans.get(i).start() > numberStart; i--) {
            MathSegments.Span span = spans.get(i);
            String content = span.content(text).strip();
            boolean variable = content.length() == 1 && LatexScan.isAsciiLetter(content.charAt(0));
            if (!span.broken() && !content.isEmpty() && !variable) {
                return Optional.of(content);
            }
        }
        return Optional.ofNullable(number);
    }

    /**
     * A bare answer has at most one prose word (letters only, not a unit or function name, outside {@code \text}):
     * "Monday", "18 apples" and "x^2+1" are bare, "Natalia sold 48 clips" is not. Letters outside ASCII count too
     * ("所以答案是 $\frac{3}{4}$。" is prose), and a lone {@code $} (a currency sign, "2,74 $") is not an answer's.
     */
    static boolean looksBare(String t) {
        if (t.length() > MAX_BARE_LENGTH || t.indexOf('\n') >= 0 || hasLoneDollar(t)) {
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
            boolean nonAscii = word.chars().anyMatch(c -> c >= 128 && Character.isLetter(c));
            prose += nonAscii ? nonAsciiWords(word) : asciiWords(word);
            if (prose > 1) {
                return false;
            }
        }
        return true;
    }

    /** 1 when the token is an English prose word: letters only, two or more, not a math or unit word. */
    private static int asciiWords(String word) {
        if (word.length() < 2 || !word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return 0;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return MATH_WORDS.contains(lower) || UNIT_WORDS.contains(lower) ? 0 : 1;
    }

    /**
     * Prose words in a token with letters outside ASCII: each run of two or more letters is one ("réponse",
     * "Ответ"); a lone Greek letter is math. CJK writes phrases without spaces, so a run of ideographs is one word,
     * or two from four ideographs on.
     */
    private static int nonAsciiWords(String token) {
        int words = 0;
        int i = 0;
        while (i < token.length()) {
            if (!Character.isLetter(token.charAt(i))) {
                i++;
                continue;
            }
            boolean ideographs = Character.isIdeographic(token.charAt(i));
            int end = i;
            while (end < token.length() && Character.isLetter(token.charAt(end))
                    && Character.isIdeographic(token.charAt(end)) == ideographs) {
                end++;
            }
            int length = end - i;
            words += ideographs ? (length >= 4 ? 2 : 1) : (length >= 2 ? 1 : 0);
            i = end;
        }
        return words;
    }

    /** An odd number of unescaped dollar signs. */
    private static boolean hasLoneDollar(String t) {
        int dollars = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                dollars++;
            }
        }
        return dollars % 2 == 1;
    }
}
