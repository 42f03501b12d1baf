package io.east.core.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * The math segments of a text: {@code $...$}, {@code $$...$$}, {@code \(...\)} and {@code \[...\]}.
 *
 * <p>Inline math ({@code $}, {@code \(}) may not span a line break: such a span is kept as {@link Span#broken()},
 * neither math nor prose, so that "Answer $ \n 9 \n $" yields no answer at all (as in Math-Verify, whose labels
 * say it is not 9) instead of the number inside it. A {@code $} right before a digit whose closing {@code $}
 * follows a space or a line break is a currency sign ("$10,200 + $255"), not math. {@code \$} is a dollar sign.
 * One pass, and each closing delimiter is searched only when one exists further on, so the work is linear.
 */
final class MathSegments {

    /** A segment from {@code start} to {@code end} (delimiters included) and its content's bounds. */
    record Span(int start, int end, int contentStart, int contentEnd, boolean broken) {
        String content(String text) {
            return text.substring(contentStart, contentEnd);
        }
    }

    private MathSegments() {}

    static List<Span> scan(String t) {
        List<Span> spans = new ArrayList<>();
        int lastDisplayDollars = t.lastIndexOf("$$");
        int lastParenClose = t.lastIndexOf("\\)");
        int lastBracketClose = t.lastIndexOf("\\]");
        boolean dollarsLeft = true;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                char n = t.charAt(i + 1);
                boolean paren = n == '(';
                if ((paren || n == '[') && i + 2 <= (paren ? lastParenClose : lastBracketClose)) {
                    int close = t.indexOf(paren ? "\\)" : "\\]", i + 2);
                    spans.add(new Span(i, close + 2, i + 2, close, paren && hasLineBreak(t, i + 2, close)));
                    i = close + 2;
                } else {
                    i += 2; // an escaped character: \$, \\, \{ ...
                }
            } else if (c == '$' && t.startsWith("$$", i)) {
                if (i + 2 <= lastDisplayDollars) {
                    int close = t.indexOf("$$", i + 2);
                    spans.add(new Span(i, close + 2, i + 2, close, false));
                    i = close + 2;
                } else {
                    i += 2;
                }
            } else if (c == '$' && dollarsLeft) {
                int close = nextDollar(t, i + 1);
                if (close < 0) {
                    dollarsLeft = false;
                    i++;
                    continue;
                }
                boolean lineBreak = hasLineBreak(t, i + 1, close);
                if (LatexScan.isDigit(t.charAt(i + 1)) && (lineBreak || Character.isWhitespace(t.charAt(close - 1)))) {
                    i++; // a currency sign; the next dollar may open math
                    continue;
                }
                spans.add(new Span(i, close + 1, i + 1, close, lineBreak));
                i = close + 1;
            } else {
                i++;
            }
        }
        return spans;
    }

    /** The segment that {@code s} starts with, or null when it starts with no (closed) math delimiter. */
    static Span leading(String s) {
        if (!(s.startsWith("$") || s.startsWith("\\(") || s.startsWith("\\["))) {
            return null;
        }
        List<Span> spans = scan(s);
        return !spans.isEmpty() && spans.get(0).start() == 0 ? spans.get(0) : null;
    }

    /** An unescaped {@code $} at or after {@code from}, or -1. */
    private static int nextDollar(String t, int from) {
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasLineBreak(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }
}
