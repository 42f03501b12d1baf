package io.east.core.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit and {@code \text} rules of {@link AnswerNormalizer}: a number followed by a unit means the number
 * ({@code 5\text{ cm}}, {@code 12 square units}, {@code 18 apples}), while a text group on its own is the answer
 * ({@code \text{Monday}}, {@code \text{(C)}}).
 */
final class UnitStripper {

    /** Text-like groups: after a number they are units, alone they are the answer. */
    private static final Set<String> TEXT_COMMANDS = Set.of("text", "textrm", "textnormal", "textup", "mathrm", "mbox");

    /** Pure styling: the content is always kept. */
    private static final Set<String> STYLE_COMMANDS = Set.of(
            "textbf", "textit", "textsf", "texttt", "emph", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm",
            "operatorname", "mathnormal", "boxed", "fbox", "hbox");

    /** Words that are units (or unit-like nouns) after a number and carry no mathematical content. */
    private static final Set<String> UNIT_WORDS = Set.of(
            "unit", "units", "sq", "square", "cubic", "cm", "centimeter", "centimeters", "centimetre", "centimetres", "mm",
            "millimeter", "millimeters", "meter", "meters", "metre", "metres", "km", "kilometer", "kilometers", "inch",
            "inches", "ft", "foot", "feet", "yard", "yards", "yd", "mile", "miles", "mph", "kph", "hour", "hours", "hr",
            "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs", "day", "days", "week", "weeks",
            "month", "months", "year", "years", "dollar", "dollars", "cent", "cents", "degree", "degrees", "deg", "pound",
            "pounds", "lb", "lbs", "ounce", "ounces", "oz", "gram", "grams", "kg", "kilogram", "kilograms", "liter",
            "liters", "litre", "litres", "ml", "gallon", "gallons", "cup", "cups", "percent", "point", "points", "way",
            "ways", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "mph.", "usd");

    /** Words that, after a bare number, still change the meaning and must not be dropped as nouns. */
    private static final Set<String> KEPT_WORDS = Set.of(
            "and", "or", "not", "no", "yes", "none", "all", "odd", "even", "both", "neither", "either", "only", "less",
            "more", "than", "is", "are", "times", "plus", "minus", "over", "of", "to", "per", "for", "in", "at", "by");

    private static final Pattern TRAILING_WORD =
            Pattern.compile("^(.*?)(\\s*)([A-Za-z]+(?:\\.[A-Za-z]+)*\\.?)(\\^\\{?[23]\\}?)?\\s*$", Pattern.DOTALL);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?|-?\\d+/\\d+");

    private UnitStripper() {}

    /**
     * Text groups after mathematical content are units and are dropped ({@code 5\text{ cm}}); a text group that is
     * the whole answer ({@code \text{(C)}}, {@code \text{Monday}}) is unwrapped. Styling groups are always unwrapped.
     */
    static String handleTextGroups(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        String t = unwrapGroups(s, STYLE_COMMANDS, true);
        if (!containsCommand(t, TEXT_COMMANDS)) {
            return t;
        }
        String withoutText = unwrapGroups(t, TEXT_COMMANDS, false);
        boolean hasMath = false;
        for (int i = 0; i < withoutText.length(); i++) {
            char c = withoutText.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\\') {
                hasMath = true;
                break;
            }
        }
        return hasMath ? withoutText : unwrapGroups(t, TEXT_COMMANDS, true);
    }

    private static boolean containsCommand(String s, Set<String> names) {
        int i = s.indexOf('\\');
        while (i >= 0) {
            int j = i + 1;
            while (j < s.length() && LatexScan.isAsciiLetter(s.charAt(j))) {
                j++;
            }
            if (names.contains(s.substring(i + 1, j))) {
                return true;
            }
            i = s.indexOf('\\', Math.max(j, i + 1));
        }
        return false;
    }

    /**
     * Replaces {@code \cmd{content}} by its content (keep) or removes it (drop). A dropped unit also loses its
     * exponent ({@code \text{cm}^2}); a dropped "and"/"or" becomes a list comma.
     */
    private static String unwrapGroups(String s, Set<String> names, boolean keep) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && LatexScan.isLetterAt(s, i + 1)) {
                int j = i + 1;
                while (j < s.length() && LatexScan.isAsciiLetter(s.charAt(j))) {
                    j++;
                }
                String name = s.substring(i + 1, j);
                if (names.contains(name)) {
                    int k = j;
                    while (k < s.length() && s.charAt(k) == ' ') {
                        k++;
                    }
                    if (k < s.length() && s.charAt(k) == '{') {
                        int end = LatexScan.matchBrace(s, k);
                        if (end > 0) {
                            String content = s.substring(k + 1, end);
                            int after = end + 1;
                            if (keep) {
                                out.append(unwrapGroups(content, names, true));
                            } else {
                                String word = content.strip().toLowerCase(Locale.ROOT);
                                if (word.equals("and") || word.equals("or") || word.equals(",")) {
                                    out.append(", "); // a list separator, not a decimal comma (DigitCommas)
                                } else {
                                    out.append(' ');
                                }
                                after = skipUnitExponent(s, after);
                            }
                            i = after;
                            continue;
                        }
                    }
                }
                out.append(s, i, j);
                i = j;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int skipUnitExponent(String s, int i) {
        if (i < s.length() && s.charAt(i) == '^') {
            if (i + 1 < s.length() && (s.charAt(i + 1) == '2' || s.charAt(i + 1) == '3')) {
                return i + 2;
            }
            if (s.startsWith("{2}", i + 1) || s.startsWith("{3}", i + 1)) {
                return i + 4;
            }
        }
        return i;
    }

    /**
     * Drops trailing unit words ({@code 12 square units}); after a plain number any lower-case noun is dropped too
     * ({@code 18 apples}), because word problems put the counted thing after the count.
     */
    static String stripTrailingUnitWords(String s) {
        String t = s;
        for (int guard = 0; guard < 4; guard++) {
            Matcher m = TRAILING_WORD.matcher(t);
            if (!m.matches()) {
                return t;
            }
            String prefix = m.group(1).strip();
            if (prefix.isEmpty()) {
                return t;
            }
            String lower = m.group(3).toLowerCase(Locale.ROOT);
            String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
            boolean separated = !m.group(2).isEmpty();
            char last = prefix.charAt(prefix.length() - 1);
            boolean afterNumber = LatexScan.isDigit(last) || last == '}' || last == ')';
            boolean unit = UNIT_WORDS.contains(lower) || UNIT_WORDS.contains(bare);
            boolean drop;
            if (unit) {
                drop = (afterNumber && (separated || bare.length() >= 2)) || (separated && endsWithUnitWord(prefix));
            } else {
                drop = separated
                        && PLAIN_NUMBER.matcher(prefix).matches()
                        && bare.length() >= 3
                        && bare.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')
                        && !KEPT_WORDS.contains(bare);
            }
            if (!drop) {
                return t;
            }
            t = prefix;
        }
        return t;
    }

    private static boolean endsWithUnitWord(String s) {
        Matcher m = TRAILING_WORD.matcher(s);
        return m.matches() && UNIT_WORDS.contains(m.group(3).toLowerCase(Locale.ROOT));
    }
}
