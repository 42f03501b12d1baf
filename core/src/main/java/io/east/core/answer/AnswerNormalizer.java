package io.east.core.answer;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical string form of a final answer, used for exact clustering (the reference pipeline's behaviour) and as
 * the first, cheapest equality test of {@link ParsedAnswer}. It only rewrites notation; it never evaluates, so
 * {@code 0.5}, {@code 1/2} and {@code \frac{1}{2}} stay three different strings (equivalence clustering merges them).
 *
 * <p>Percent signs are removed ({@code 50\%} becomes {@code 50}), as in the common MATH normalisers; the grader
 * remembers the sign separately so that {@code 50\%} can also equal {@code 0.5}.
 *
 * <p>Commas between digits outside brackets follow {@code DigitCommas}: {@code 1,000} is a thousands separator,
 * {@code 0,25} a decimal comma and {@code 7, 123} (with a space) a list, which keeps its space here.
 */
public final class AnswerNormalizer {

    /** Longer inputs are not answers; they only get whitespace removed so that normalisation stays linear. */
    static final int MAX_LENGTH = 1_000;

    private static final int MAX_PASSES = 6;

    private static final Set<String> DROPPED_COMMANDS = Set.of(
            "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl",
            "Biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "middle");

    private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{\\s*\\\\circ\\s*\\}|\\^\\s*\\\\circ|\\\\degree");
    private static final Pattern AND_WORD = Pattern.compile("\\s+(?:and|or)\\s+");
    /** "(11,7)or(7,11)": between brackets the word needs no spaces to be a separator. */
    private static final Pattern BRACKETS_JOINED_BY_WORD = Pattern.compile("(?<=[)\\]])\\s*(?:or|and)\\s*(?=[(\\[])");
    private static final Pattern MIXED_NUMBER = Pattern.compile("(?<![\\w.\\\\}^])(\\d+)\\s+(\\d+)\\s*/\\s*(\\d+)(?![\\d.])");
    private static final Pattern ONE_CHAR_SUBSCRIPT = Pattern.compile("_\\{([A-Za-z0-9])\\}");
    private static final Pattern LEADING_DOT = Pattern.compile("(?<![\\d.])\\.(\\d)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+)(?:\\.(\\d+))?(?![\\d.])");

    private AnswerNormalizer() {}

    /**
     * Canonical form of an answer (see the class comment). Never throws; {@code null} gives the empty string.
     * Idempotent: the rewriting pass is repeated until it reaches a fixed point.
     */
    public static String normalize(String answer) {
        return normalize(answer, true);
    }

    /**
     * {@link #normalize} without removing labels: {@code y = 2x - 1} stays an equation, for comparing it with an
     * equation written another way.
     */
    static String normalizeKeepingLabels(String answer) {
        return normalize(answer, false);
    }

    private static String normalize(String answer, boolean stripLabels) {
        if (answer == null) {
            return "";
        }
        if (isCanonicalInteger(answer)) {
            return answer;
        }
        if (answer.length() > MAX_LENGTH) {
            return removeAllWhitespace(answer);
        }
        String s = answer;
        try {
            for (int i = 0; i < MAX_PASSES; i++) {
                String next = pass(s, stripLabels);
                if (next.equals(s)) {
                    return next;
                }
                s = next;
            }
            return s;
        } catch (RuntimeException | StackOverflowError e) {
            return removeAllWhitespace(answer); // defensive: a rewriting bug must not break grading
        }
    }

    private static String pass(String input, boolean stripLabels) {
        String s = replaceUnicode(EscapedBackslashes.undouble(input));
        s = rewriteCommands(s);
        s = asciiRelations(s);
        s = s.replace("$", "");
        s = stripOuterBraceGroup(stripMathDelimiters(s.strip()));
        s = UnitStripper.handleTextGroups(TimesOfDay.toTwentyFourHour(s));
        s = DEGREES.matcher(s).replaceAll("");
        s = s.replace("\\%", "").replace("%", "");
        s = fixFracAndSqrt(s);
        s = s.replace("{,}", "");
        s = AND_WORD.matcher(s).replaceAll(", ");
        s = BRACKETS_JOINED_BY_WORD.matcher(s).replaceAll(", ");
        s = UnitStripper.stripTrailingUnitWords(s.strip());
        s = stripTrailingDots(stripTrailingBackslash(s));
        s = stripLabels ? AnswerLabels.strip(s) : s;
        s = MIXED_NUMBER.matcher(s).replaceAll("$1\\\\frac{$2}{$3}");
        s = DigitCommas.rewrite(s);
        s = removeWhitespace(s);
        s = unbraceOneCharSubscripts(s);
        s = canonicalNumbers(s);
        if (s.startsWith("+") && s.length() > 1) {
            s = s.substring(1);
        }
        if (s.equals("-0")) {
            s = "0";
        }
        return s;
    }

    private static boolean isCanonicalInteger(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == n || (s.charAt(start) == '0' && (n - start > 1 || start == 1))) {
            return false;
        }
        for (int i = start; i < n; i++) {
            if (!LatexScan.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String replaceUnicode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '\u2212', '\u2013', '\u2012', '\uFE63', '\uFF0D' -> "-";
                case '\u00A0', '\u2009', '\u202F', '\u2002', '\u2003', '\u3000' -> " ";
                case '\u221E' -> "\\infty ";
                case '\u03C0' -> "\\pi ";
                case '\u00B0' -> "^\\circ ";
                case '\u00D7' -> "\\times ";
                case '\u00B7', '\u22C5' -> "\\cdot ";
                case '\u00F7' -> "\\div ";
                case '\u221A' -> "\\sqrt";
                case '\u2264' -> "\\le ";
                case '\u2265' -> "\\ge ";
                case '\u2260' -> "\\ne ";
                case '\u222A' -> "\\cup ";
                case '\u2205' -> "\\emptyset ";
                case '\u00BD' -> "\\frac{1}{2}";
                case '\u00BC' -> "\\frac{1}{4}";
                case '\u00BE' -> "\\frac{3}{4}";
                case '\uFF0C' -> ",";
                default -> null;
            };
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** One scan over backslash commands: drops sizing/spacing, unifies synonyms, keeps everything else verbatim. */
    private static String rewriteCommands(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('~') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '~') {
                out.append(' ');
                i++;
                continue;
            }
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (!LatexScan.isAsciiLetter(n)) {
                switch (n) {
                    case ',', ':', ';', '>', ' ' -> out.append(' ');
                    case '!' -> { // negative thin space, e.g. "\!-3" or "85,\!184"; "32,\! 349" is one number too
                        while (i + 2 < s.length() && s.charAt(i + 2) == ' ') {
                            i++;
                        }
                    }
                    case '$' -> { } // escaped dollar = currency sign
                    default -> out.append(c).append(n); // "\\", "\{", "\}", "\%", "\(", ...
                }
                i += 2;
                continue;
            }
            int j = i + 1;
            while (j < s.length() && LatexScan.isAsciiLetter(s.charAt(j))) {
                j++;
            }
            String name = s.substring(i + 1, j);
            String space = name.startsWith("qquad") ? "qquad" : name.startsWith("quad") ? "quad" : null;
            if (space != null && name.length() > space.length()) {
                out.append(' '); // \quadx_2 is \quad x_2: no other command starts with "quad"
                i += 1 + space.length();
                continue;
            }
            if (DROPPED_COMMANDS.contains(name)) {
                if (j < s.length() && s.charAt(j) == '.' && (name.equals("left") || name.equals("right"))) {
                    j++; // "\left." / "\right." are invisible delimiters
                }
                out.append(' ');
            } else {
                switch (name) {
                    case "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace" -> out.append(' ');
                    case "dfrac", "tfrac", "cfrac" -> out.append("\\frac");
                    case "dbinom", "tbinom" -> out.append("\\binom");
                    case "leq", "leqslant" -> out.append("\\le");
                    case "geq", "geqslant" -> out.append("\\ge");
                    case "neq" -> out.append("\\ne");
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "leqq" -> out.append("\\le");
                    case "geqq" -> out.append("\\ge");
                    case "varnothing" -> out.append("\\emptyset");
                    case "infinity" -> out.append("\\infty");
                    case "mbox" -> out.append("\\text");
                    case "dollar" -> { }
                    case "lbrace" -> out.append("\\{");
                    case "rbrace" -> out.append("\\}");
                    case "lvert", "rvert", "vert", "mid" -> out.append('|');
                    default -> out.append('\\').append(name);
                }
            }
            i = j;
        }
        return out.toString();
    }

    /** {@code >=}, {@code <=} and {@code !=} as LaTeX writes them, so that {@code x >= 5} is {@code x \\ge 5}. */
    private static String asciiRelations(String s) {
        if (s.indexOf('=') < 0) {
            return s;
        }
        return s.replace(">=", "\\ge ").replace("<=", "\\le ").replace("!=", "\\ne ");
    }

    private static String stripMathDelimiters(String s) {
        String t = s;
        while (t.length() >= 4
                && ((t.startsWith("\\(") && t.endsWith("\\)")) || (t.startsWith("\\[") && t.endsWith("\\]")))) {
            t = t.substring(2, t.length() - 2).strip();
        }
        return t;
    }

    /** A brace group around the whole answer is invisible in LaTeX: {@code {1,3}} is the list 1, 3. */
    private static String stripOuterBraceGroup(String s) {
        if (s.length() > 2 && s.charAt(0) == '{' && LatexScan.matchBrace(s, 0) == s.length() - 1) {
            String inner = s.substring(1, s.length() - 1).strip();
            return inner.isEmpty() ? s : inner;
        }
        return s;
    }

    /** Braces the arguments of {@code \frac12} and {@code \sqrt2}, recursively, so they compare as strings. */
    private static String fixFracAndSqrt(String s) {
        if (!s.contains("\\frac") && !s.contains("\\sqrt")) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            boolean frac = s.startsWith("\\frac", i) && !LatexScan.isLetterAt(s, i + 5);
            boolean sqrt = s.startsWith("\\sqrt", i) && !LatexScan.isLetterAt(s, i + 5);
            if (!frac && !sqrt) {
                char c = s.charAt(i);
                if (c == '{') {
                    int end = LatexScan.matchBrace(s, i);
                    if (end > 0) {
                        out.append('{').append(fixFracAndSqrt(s.substring(i + 1, end))).append('}');
                        i = end + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
                continue;
            }
            out.append(frac ? "\\frac" : "\\sqrt");
            int j = i + 5;
            if (sqrt) {
                int k = skipSpaces(s, j);
                if (k < s.length() && s.charAt(k) == '[') {
                    int close = s.indexOf(']', k);
                    if (close < 0) {
                        out.append(s.substring(j));
                        return out.toString();
                    }
                    out.append('[').append(s, k + 1, close).append(']');
                    j = close + 1;
                }
            }
            int args = frac ? 2 : 1;
            for (int a = 0; a < args; a++) {
                int k = skipSpaces(s, j);
                if (k >= s.length()) {
                    j = k;
                    break;
                }
                char c = s.charAt(k);
                if (c == '{') {
                    int end = LatexScan.matchBrace(s, k);
                    if (end < 0) {
                        break;
                    }
                    out.append('{').append(fixFracAndSqrt(s.substring(k + 1, end))).append('}');
                    j = end + 1;
                } else if (c == '\\' && LatexScan.isLetterAt(s, k + 1)) {
                    int e = k + 1;
                    while (e < s.length() && LatexScan.isAsciiLetter(s.charAt(e))) {
                        e++;
                    }
                    out.append('{').append(s, k, e).append('}');
                    j = e;
                } else if (Character.isLetterOrDigit(c)) {
                    out.append('{').append(c).append('}');
                    j = k + 1;
                } else {
                    break;
                }
            }
            i = j;
        }
        return out.toString();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A lone backslash left at the end ({@code 5\}, e.g. a cut-off {@code \,}) carries nothing; a row break stays. */
    private static String stripTrailingBackslash(String s) {
        int n = s.length();
        if (n >= 2 && s.charAt(n - 1) == '\\' && s.charAt(n - 2) != '\\') {
            return s.substring(0, n - 1).strip();
        }
        return s;
    }

    /** {@code 1011_{2}} and {@code 1011_2}, {@code x_{1}} and {@code x_1} are the same notation. */
    private static String unbraceOneCharSubscripts(String s) {
        return s.indexOf('_') < 0 ? s : ONE_CHAR_SUBSCRIPT.matcher(s).replaceAll("_$1");
    }

    private static String stripTrailingDots(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            if (end >= 2 && s.charAt(end - 1) == '.' && s.charAt(end - 2) == '\\') {
                break;
            }
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /**
     * Removes whitespace, except one space between a command name and a following letter ({@code \pi r}), where
     * removing it would create a different command, and one space in a list of numbers ({@code 7, 123}), where
     * removing it would create a thousands separator or a decimal comma.
     */
    private static String removeWhitespace(String s) {
        StringBuilder out = null;
        int depth = 0; // bracket depth, counted as DigitCommas counts it
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                depth += DigitCommas.depthStep(s, i);
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j < s.length() && LatexScan.isAsciiLetter(s.charAt(j)) && endsWithCommandName(out)) {
                out.append(' ');
            } else if (depth == 0 && j < s.length() && LatexScan.isDigit(s.charAt(j)) && endsWithDigitComma(out)) {
                out.append(' ');
            }
            i = j - 1;
        }
        return out == null ? s : out.toString();
    }

    private static boolean endsWithDigitComma(CharSequence out) {
        int n = out.length();
        return n >= 2 && out.charAt(n - 1) == ',' && LatexScan.isDigit(out.charAt(n - 2));
    }

    private static boolean endsWithCommandName(CharSequence out) {
        int k = out.length() - 1;
        while (k >= 0 && LatexScan.isAsciiLetter(out.charAt(k))) {
            k--;
        }
        return k >= 0 && k < out.length() - 1 && out.charAt(k) == '\\';
    }

    private static String removeAllWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code .5 -> 0.5}, {@code 007 -> 7}, {@code 2.50 -> 2.5}, {@code 3.0 -> 3}. */
    private static String canonicalNumbers(String s) {
        boolean hasDigit = false;
        for (int i = 0; i < s.length() && !hasDigit; i++) {
            hasDigit = LatexScan.isDigit(s.charAt(i));
        }
        if (!hasDigit) {
            return s;
        }
        String t = s.indexOf('.') >= 0 ? LEADING_DOT.matcher(s).replaceAll("0.$1") : s;
        Matcher m = NUMBER.matcher(t);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String intPart = m.group(1);
            String frac = m.group(2);
            int z = 0;
            while (z < intPart.length() - 1 && intPart.charAt(z) == '0') {
                z++;
            }
            String canonInt = intPart.substring(z);
            String canonFrac = frac;
            if (frac != null) {
                int e = frac.length();
                while (e > 0 && frac.charAt(e - 1) == '0') {
                    e--;
                }
                canonFrac = frac.substring(0, e);
            }
            String canon = canonFrac == null || canonFrac.isEmpty() ? canonInt : canonInt + "." + canonFrac;
            if (!canon.equals(m.group())) {
                if (out == null) {
                    out = new StringBuilder(t.length());
                }
                out.append(t, last, m.start()).append(canon);
                last = m.end();
            }
        }
        if (out == null) {
            return t;
        }
        return out.append(t, last, t.length()).toString();
    }
}
