package io.east.core.answer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a comma between digits means outside brackets (the corpus README's policy):
 *
 * <ul>
 *   <li>a comma with a space around it separates list items: {@code 7, 123} is the list 7, 123, never 7123, and
 *       every other comma of such a list separates items too ({@code 21,16, 11});
 *   <li>groups of exactly three digits after a nonzero lead of one to three digits are thousands:
 *       {@code 3,500}, {@code 7,425,000};
 *   <li>one comma after a zero integer part is a decimal comma: {@code 0,25}, {@code 0,111};
 *   <li>any other single comma ({@code 3,5}, {@code 1,22}, {@code 1000,99}) is a decimal comma or a list of two
 *       numbers written without a space ({@code x=2, y=19} loses its space when the names are dropped): it stays
 *       as written, and the matcher reads it as a decimal against a single number ({@link #decimalReading});
 *   <li>anything else is a list.
 * </ul>
 *
 * Lists of numbers are written with {@code ", "} in the canonical form, so that normalising again cannot mistake
 * them for one number.
 */
final class DigitCommas {

    /** A chain of digit groups joined by commas; the lookarounds keep it from starting or ending inside a number. */
    private static final Pattern CHAIN =
            Pattern.compile("(?<![\\w.,])\\d+(?:[ \\t]*,[ \\t]*\\d+)+(?:\\.\\d+)?(?![\\w.,])");
    private static final Pattern SPACED_COMMA = Pattern.compile("[ \\t]+,[ \\t]*|,[ \\t]+");
    private static final Pattern AMBIGUOUS = Pattern.compile("-?\\d+,\\d+");

    private DigitCommas() {}

    /** Rewrites every digit chain at bracket depth 0 as described in the class comment. */
    static String rewrite(String s) {
        if (s.indexOf(',') < 0) {
            return s;
        }
        return CHAIN.matcher(s).replaceAll(chain -> Matcher.quoteReplacement(
                depthAt(s, chain.start()) == 0 ? resolveChain(chain.group()) : chain.group()));
    }

    private static String resolveChain(String chain) {
        String[] items = SPACED_COMMA.split(chain);
        if (items.length > 1) {
            StringBuilder out = new StringBuilder(chain.length());
            for (int i = 0; i < items.length; i++) {
                out.append(i == 0 ? "" : ", ").append(resolveItem(items[i], true));
            }
            return out.toString();
        }
        return resolveItem(chain, false);
    }

    /** One chain without spaces: thousands, a decimal comma, the ambiguous {@code a,b}, or a list. */
    private static String resolveItem(String item, boolean inList) {
        if (item.indexOf(',') < 0) {
            return item;
        }
        int dot = item.indexOf('.');
        String fraction = dot < 0 ? "" : item.substring(dot);
        List<String> groups = List.of((dot < 0 ? item : item.substring(0, dot)).split(","));
        String lead = groups.get(0);
        boolean thousands = lead.length() <= 3 && lead.charAt(0) != '0';
        for (int i = 1; i < groups.size() && thousands; i++) {
            thousands = groups.get(i).length() == 3;
        }
        if (thousands) {
            return String.join("", groups) + fraction;
        }
        if (groups.size() == 2 && fraction.isEmpty() && !inList) {
            if (lead.chars().allMatch(c -> c == '0')) {
                return lead + "." + groups.get(1);
            }
            if (groups.get(1).length() != 3) {
                return item;
            }
        }
        return fraction.isEmpty() ? String.join(", ", groups) : item;
    }

    /**
     * The decimal reading of an answer left as {@code a,b} by {@link #rewrite} ({@code 3,5} is 3.5), or
     * {@code null} for any other answer.
     */
    static AnswerValue.Num decimalReading(AnswerValue value) {
        if (!(value instanceof AnswerValue.Seq) || !AMBIGUOUS.matcher(value.key()).matches()) {
            return null;
        }
        return new AnswerValue.Num(value.key(), Double.parseDouble(value.key().replace(',', '.')));
    }

    /**
     * How the character at {@code i} changes the bracket depth: {@code ( [ \\{} open, {@code ) ] \\}} close, bare
     * braces are grouping and do not count.
     */
    static int depthStep(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c == '{' || c == '}') {
            return !isEscaped(s, i) ? 0 : (c == '{' ? 1 : -1);
        }
        if (c == '(' || c == '[') {
            return isEscaped(s, i) ? 0 : 1;
        }
        if (c == ')' || c == ']') {
            return isEscaped(s, i) ? 0 : -1;
        }
        return 0;
    }

    private static boolean isEscaped(CharSequence s, int i) {
        int backslashes = 0;
        for (int k = i - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int depthAt(CharSequence s, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            depth += depthStep(s, i);
        }
        return depth;
    }
}
