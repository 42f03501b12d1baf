package io.east.core.answer;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether the text between two boxes only separates them (they are one list answer) or starts something
 * new (the later box replaces the earlier one, as in "I got \boxed{5}, but rechecking ... \boxed{6}").
 *
 * <p>A gap joins when it is at most {@link #MAX_LENGTH} characters, has no sentence end ({@code . ! ?}, their
 * full-width forms, or a blank line), and holds nothing but: whitespace and {@code , ; : = ( ) { } ~ &},
 * math delimiters ({@code $ \( \) \[ \]}), spacing and text commands ({@code \quad}, {@code \,}, {@code \text{..}}),
 * single letters and subscripts (the label of {@code y_2 = \boxed{..}}), connector words (and, or, for part ...),
 * and at most one other word (a noun such as "papers" in "\boxed{1} papers and \boxed{2} bins"; at most two
 * characters when CJK) that is not a word of revision or conclusion (but, actually, so, therefore ...). Digits
 * outside subscripts and operators ({@code + - / ^}) mean the boxes are steps of a computation, not a list; so
 * does a gap that starts with {@code =} (one value written twice); an {@code =} after a label is fine.
 */
final class BoxGap {

    static final int MAX_LENGTH = 60;

    private static final Set<String> CONNECTORS = Set.of(
            "and", "or", "for", "part", "parts", "as", "well", "also", "both", "respectively", "resp", "und", "oder",
            "et", "ou", "和", "或", "与", "及", "以及");

    private static final Set<String> REVISION_WORDS = Set.of(
            "but", "however", "though", "although", "actually", "wait", "instead", "not", "no", "rather", "correct",
            "corrected", "correction", "mistake", "wrong", "recheck", "rechecking", "rechecked", "check", "so", "thus",
            "hence", "therefore", "then", "answer", "final", "get", "got", "gives", "is", "was", "becomes", "now",
            "但", "但是", "所以", "因此");

    private static final Set<String> SEPARATOR_COMMANDS = Set.of(
            "quad", "qquad", "text", "textbf", "textit", "textrm", "mathrm", "mbox", "hspace", "enspace", "hfill",
            "and", "or");

    private BoxGap() {}

    static boolean joins(String gap) {
        if (gap.length() > MAX_LENGTH || gap.contains("\n\n") || gap.contains("\n \n")) {
            return false;
        }
        int freeWords = 0;
        int i = 0;
        while (i < gap.length()) {
            char c = gap.charAt(i);
            if (c == '\\') {
                int j = i;
                while (j < gap.length() && gap.charAt(j) == '\\') {
                    j++; // a doubled backslash (JSON-escaped text) starts the same command
                }
                int nameEnd = j;
                while (nameEnd < gap.length() && LatexScan.isAsciiLetter(gap.charAt(nameEnd))) {
                    nameEnd++;
                }
                if (nameEnd > j) {
                    if (!SEPARATOR_COMMANDS.contains(gap.substring(j, nameEnd))) {
                        return false;
                    }
                    i = nameEnd;
                } else if (j < gap.length() && "()[],;:! ".indexOf(gap.charAt(j)) >= 0) {
                    i = j + 1; // \( \) \[ \] and spacing \, \; \: \! "\ "
                } else {
                    i = j; // a "\\" line break
                }
            } else if (Character.isLetter(c)) {
                int end = wordEnd(gap, i);
                String word = gap.substring(i, end).toLowerCase(Locale.ROOT);
                i = end;
                if (word.length() == 1 && c < 128 || CONNECTORS.contains(word)) {
                    continue; // a variable of a label, or a connector
                }
                boolean longPhrase = Character.isIdeographic(c) && word.length() > 2;
                if (longPhrase || REVISION_WORDS.contains(word) || ++freeWords > 1) {
                    return false;
                }
            } else if (LatexScan.isDigit(c)) {
                if (!afterSubscript(gap, i)) {
                    return false;
                }
                i++;
            } else if (c == '=') {
                if (gap.substring(0, i).isBlank()) {
                    return false; // "\boxed{25/13} = \boxed{1 12/13}": one value written twice, not a list
                }
                i++;
            } else if (Character.isWhitespace(c) || ",;:(){}~&$_'，、".indexOf(c) >= 0) {
                i++;
            } else {
                return false; // sentence ends, operators, anything else
            }
        }
        return true;
    }

    /** A run of letters of one kind: CJK text has no spaces, so a run of ideographs is read as one word. */
    private static int wordEnd(String s, int start) {
        boolean ideographs = Character.isIdeographic(s.charAt(start));
        int end = start;
        while (end < s.length() && Character.isLetter(s.charAt(end))
                && Character.isIdeographic(s.charAt(end)) == ideographs) {
            end++;
        }
        return end;
    }

    private static boolean afterSubscript(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (LatexScan.isDigit(s.charAt(j)) || s.charAt(j) == '{')) {
            j--;
        }
        return j >= 0 && s.charAt(j) == '_';
    }
}
