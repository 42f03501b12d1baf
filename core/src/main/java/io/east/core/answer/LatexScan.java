package io.east.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Bracket-aware scanning of LaTeX answer strings. Every bracket kind ({@code ( [ \{ \}} and bare {@code {}}) counts
 * towards one shared depth, because intervals such as {@code [1,2)} deliberately mix opening and closing kinds.
 */
final class LatexScan {

    private LatexScan() {}

    static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    /**
     * Index of the {@code '}'} that closes the {@code '{'} at {@code open}, or -1 when unbalanced. Escaped braces
     * {@code \{ \}} are set delimiters inside the group, not grouping braces, so they are skipped.
     */
    static int matchBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++; // skip the escaped character (also handles "\\" line breaks)
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** +1 when the token at {@code i} (a character, or a backslash and what it escapes) opens a bracket, -1 closes. */
    static int depthChange(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\') {
            if (i + 1 >= s.length()) {
                return 0;
            }
            c = s.charAt(i + 1);
        }
        return isOpen(c) ? 1 : isClose(c) ? -1 : 0;
    }

    /** Length of the token at {@code i}: 2 for a backslash and the character it escapes, else 1. */
    static int tokenLength(String s, int i) {
        return s.charAt(i) == '\\' ? 2 : 1;
    }

    /** Indexes of the unescaped characters that {@code wanted} accepts and that stand at bracket depth 0. */
    static List<Integer> topLevelIndexes(String s, IntPredicate wanted) {
        List<Integer> found = new ArrayList<>(4);
        int depth = 0;
        for (int i = 0; i < s.length(); i += tokenLength(s, i)) {
            depth += depthChange(s, i);
            if (depth == 0 && s.charAt(i) != '\\' && wanted.test(s.charAt(i))) {
                found.add(i);
            }
        }
        return found;
    }

    /** Splits at {@code sep} occurring at bracket depth 0; an escaped separator ({@code \,}) is not a separator. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int cut : topLevelIndexes(s, c -> c == sep)) {
            parts.add(s.substring(start, cut));
            start = cut + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Splits at a LaTeX command such as {@code \cup} occurring at depth 0 (not a prefix of a longer command). */
    static List<String> splitTopLevelCommand(String s, String command) {
        List<String> parts = new ArrayList<>(2);
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            if (depth == 0 && s.startsWith(command, i) && !isLetterAt(s, i + command.length())) {
                parts.add(s.substring(start, i));
                start = i + command.length();
                i = start;
                continue;
            }
            depth += depthChange(s, i);
            i += tokenLength(s, i);
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Number of occurrences of {@code c} at depth 0. */
    static int countTopLevel(String s, char c) {
        return topLevelIndexes(s, x -> x == c).size();
    }

    /**
     * True when the first character opens a bracket whose depth first returns to zero at the last character, e.g.
     * {@code (1,2)} and {@code [0,\infty)} but not {@code (1)+(2)}.
     */
    static boolean enclosedByOuterBrackets(String s) {
        if (s.length() < 2 || !(s.charAt(0) == '(' || s.charAt(0) == '[')) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last != ')' && last != ']') {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i += tokenLength(s, i)) {
            int change = depthChange(s, i);
            depth += change;
            if (change < 0 && depth == 0 && s.charAt(i) != '\\' && i != s.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    /** True when s is {@code \{ ... \}} with the opening set brace closed only at the very end. */
    static boolean enclosedBySetBraces(String s) {
        if (s.length() < 4 || !s.startsWith("\\{") || !s.endsWith("\\}")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == '{') {
                    depth++;
                } else if (n == '}') {
                    depth--;
                    if (depth == 0 && i + 2 != s.length()) {
                        return false;
                    }
                }
                i++;
            }
        }
        return depth == 0;
    }

    static boolean isLetterAt(String s, int i) {
        return i < s.length() && isAsciiLetter(s.charAt(i));
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigitInt(int c) {
        return c >= '0' && c <= '9';
    }
}
