package io.east.core.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Removes what a final answer carries besides its value: a label ({@code x =}, {@code |PQ| =}, {@code f(2) =},
 * {@code S_{ABC}:S =}, {@code \frac{NO}{BO} =}, {@code x \in}), the working of a chained equation
 * ({@code k = 3+4 = 7} is 7) and a trailing approximation ({@code \frac{\sqrt2}{2} \approx 0.707} is the exact
 * value). Works item by item in a list ({@code a=3, b=8} is {@code 3, 8}; {@code p=5,q=2;p=7,q=2} keeps its
 * semicolon). An equation whose left side is an expression ({@code 2x + y = 5}, {@code 7 = 11a+c}) is an answer in
 * itself and stays.
 */
final class AnswerLabels {

    private static final int MAX_LABEL_LENGTH = 60;

    /** Commands that name things in a label: Greek letters, angles, decorations and font switches. */
    private static final Set<String> NAME_COMMANDS = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "angle",
            "measuredangle", "triangle", "overline", "overrightarrow", "vec", "hat", "widehat", "bar", "tilde",
            "mathrm", "mathbf", "mathit", "operatorname", "text", "arc", "frac");

    private AnswerLabels() {}

    /** {@code s} without labels, working and approximations; {@code s} itself when it has none. */
    static String strip(String s) {
        if (s.indexOf('=') < 0 && !s.contains("\\in") && !s.contains("\\approx")) {
            return s;
        }
        String items = s.indexOf(';') >= 0 ? assignmentTuples(s) : s;
        StringBuilder out = new StringBuilder(items.length());
        int start = 0;
        for (int end : itemEnds(items)) {
            String item = items.substring(start, end);
            String value = stripItem(beforeApproximation(item));
            if (start > 0 && items.charAt(start - 1) == ',' && !value.equals(item)) {
                out.append(' '); // x=1,y=234 lists 1 and 234; without the space it would read as 1,234
            }
            out.append(value);
            if (end < items.length()) {
                out.append(items.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * {@code p=5,q=2;p=7,q=2} lists two solutions, each assigning several unknowns: each becomes a tuple, (5,2);(7,2),
     * so that it is not read as one list of four numbers.
     */
    private static String assignmentTuples(String s) {
        List<String> groups = LatexScan.splitTopLevel(s, ';');
        if (groups.size() < 2) {
            return s;
        }
        StringJoiner out = new StringJoiner(";");
        for (String group : groups) {
            out.add(assignmentTuple(group));
        }
        return out.toString();
    }

    private static String assignmentTuple(String group) {
        List<String> items = LatexScan.splitTopLevel(group, ',');
        if (items.size() < 2) {
            return group;
        }
        Set<String> labels = new HashSet<>();
        StringJoiner values = new StringJoiner(",", "(", ")");
        for (String item : items) {
            List<String> sides = LatexScan.splitTopLevel(item, '=');
            if (sides.size() != 2 || !isLabel(sides.get(0)) || sides.get(1).isBlank()
                    || !labels.add(sides.get(0).strip())) {
                return group;
            }
            values.add(sides.get(1).strip());
        }
        return values.toString();
    }

    /** {@code a \approx b} is a: the exact value comes first; {@code x \approx 11} is 11, x being only a label. */
    private static String beforeApproximation(String s) {
        List<String> parts = LatexScan.splitTopLevelCommand(s, "\\approx");
        if (parts.size() < 2) {
            return s;
        }
        String first = parts.get(0).strip();
        List<String> sides = LatexScan.splitTopLevel(first, '=');
        boolean onlyLabels = sides.stream().allMatch(AnswerLabels::isLabel);
        return onlyLabels ? first + "=" + parts.get(1) : first;
    }

    /** Ends of the top-level items separated by {@code ,} or {@code ;}; the last end is {@code s.length()}. */
    private static List<Integer> itemEnds(String s) {
        List<Integer> ends = new ArrayList<>(LatexScan.topLevelIndexes(s, c -> c == ',' || c == ';'));
        ends.add(s.length());
        return ends;
    }

    private static String stripItem(String item) {
        List<String> sides = LatexScan.splitTopLevel(item, '=');
        if (sides.size() >= 3) {
            String last = sides.get(sides.size() - 1);
            return last.isBlank() ? item : last.strip(); // k = 3+4 = 7: the last side is the value
        }
        if (sides.size() == 2) {
            String rhs = sides.get(1);
            return isLabel(sides.get(0)) && !rhs.isBlank() ? rhs.strip() : item;
        }
        List<String> member = LatexScan.splitTopLevelCommand(item, "\\in");
        if (member.size() == 2 && isLabel(member.get(0)) && !member.get(1).isBlank()) {
            return member.get(1).strip();
        }
        return item;
    }

    /**
     * A label names the answer rather than computing it: letters, Greek letters, subscripts, primes, {@code |AB|},
     * function values {@code f(2)}, ratios {@code PQ:QR} and fractions of names. No digit outside a subscript or
     * an argument, no operator: {@code 2x}, {@code x^2} and {@code a+b} are expressions.
     */
    static boolean isLabel(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LABEL_LENGTH) {
            return false;
        }
        return nameEnd(s, 0, s.length()) == s.length() && containsLetter(s);
    }

    /** Where the name starting at {@code i} ends (scanning no further than {@code end}); i itself when none. */
    private static int nameEnd(String s, int i, int end) {
        boolean previousName = false;
        while (i < end) {
            char c = s.charAt(i);
            if (LatexScan.isAsciiLetter(c)) {
                i++;
                previousName = true;
            } else if (c == ' ' || c == '\'' || c == ':') {
                i++;
            } else if (c == '_' && previousName) {
                i = skipArgument(s, i + 1, end);
            } else if (c == '(') {
                int close = closing(s, i, '(', ')', end);
                if (close < 0 || !(previousName || namesOnly(s.substring(i + 1, close)))) {
                    return i; // f(2) and (a, b) name values; (2) does not
                }
                i = close + 1;
                previousName = true;
            } else if (c == '|' || c == '{') {
                int close = c == '|' ? s.indexOf('|', i + 1) : LatexScan.matchBrace(s, i);
                if (close < 0 || close >= end || nameEnd(s, i + 1, close) != close) {
                    return i;
                }
                i = close + 1;
                previousName = true;
            } else if (c == '\\') {
                int j = i + 1;
                while (j < end && LatexScan.isAsciiLetter(s.charAt(j))) {
                    j++;
                }
                if (!NAME_COMMANDS.contains(s.substring(i + 1, j))) {
                    return i;
                }
                i = j;
                previousName = true;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean namesOnly(String list) {
        return LatexScan.splitTopLevel(list, ',').stream().allMatch(AnswerLabels::isLabel);
    }

    /** After {@code _}: a braced group or one character. */
    private static int skipArgument(String s, int i, int end) {
        if (i >= end) {
            return i;
        }
        if (s.charAt(i) == '{') {
            int close = LatexScan.matchBrace(s, i);
            return close < 0 || close >= end ? end + 1 : close + 1;
        }
        return i + 1;
    }

    private static int closing(String s, int open, char o, char c, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (s.charAt(i) == o) {
                depth++;
            } else if (s.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (LatexScan.isAsciiLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
