package io.east.core.answer;

/**
 * Undoes one level of JSON or string escaping in model output: {@code \\frac{3}{4}} is {@code \frac{3}{4}}.
 *
 * <p>A doubled backslash is also LaTeX's row break ({@code 1 & 2 \\ 3 & 4}, {@code 0.33\\0.2}), so only a run of
 * exactly two backslashes directly followed by a command name of at least two letters is read as one backslash.
 * A row break is followed by a cell: a space, a digit, a sign, one-letter variable or another command's own
 * backslash ({@code \\\begin}), never by a bare word such as {@code begin} or {@code frac}, so the rewrite cannot
 * merge two rows. Runs of three or more backslashes are left alone.
 */
final class EscapedBackslashes {

    private EscapedBackslashes() {}

    static String undouble(String s) {
        int first = s.indexOf("\\\\");
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        int i = first;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int run = i;
            while (run < s.length() && s.charAt(run) == '\\') {
                run++;
            }
            boolean command = run - i == 2 && LatexScan.isLetterAt(s, run) && LatexScan.isLetterAt(s, run + 1);
            out.append(s, command ? i + 1 : i, run);
            i = run;
        }
        return out.toString();
    }
}
