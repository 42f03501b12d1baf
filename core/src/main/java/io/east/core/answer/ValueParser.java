package io.east.core.answer;

import io.east.core.answer.AnswerValue.Empty;
import io.east.core.answer.AnswerValue.Equation;
import io.east.core.answer.AnswerValue.Kind;
import io.east.core.answer.AnswerValue.Matrix;
import io.east.core.answer.AnswerValue.Num;
import io.east.core.answer.AnswerValue.Seq;
import io.east.core.answer.AnswerValue.Symbolic;
import io.east.core.answer.AnswerValue.Text;
import io.east.core.answer.AnswerValue.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a normalised answer string into an {@link AnswerValue}: structure first, then numeric meaning. */
final class ValueParser {

    private static final int MAX_NESTING = 6;
    private static final Pattern MIXED_NUMBER =
            Pattern.compile("(-?)(\\d{1,18})\\\\frac\\{(\\d{1,18})\\}\\{(\\d{1,18})\\}");
    private static final int MAX_ITEMS = 64;

    private ValueParser() {}

    static AnswerValue parse(String normalized) {
        return parse(normalized, 0);
    }

    private static AnswerValue parse(String s, int nesting) {
        if (s.isEmpty()) {
            return new Empty("");
        }
        String key = key(s);
        Num fast = fastNumber(s, key);
        if (fast != null) {
            return fast;
        }
        if (nesting > MAX_NESTING || s.length() > LatexTranslator.MAX_LENGTH) {
            return new Text(key);
        }
        switch (s) {
            case "\\infty", "+\\infty", "\\infty+" -> {
                return new Num(key, Double.POSITIVE_INFINITY);
            }
            case "-\\infty" -> {
                return new Num(key, Double.NEGATIVE_INFINITY);
            }
            case "\\mathbb{R}", "\\R" -> {
                return new Seq(key, Kind.TUPLE, '(', ')', List.of(
                        new Num("-\\infty", Double.NEGATIVE_INFINITY), new Num("\\infty", Double.POSITIVE_INFINITY)));
            }
            default -> { }
        }
        String environment = bracketedEnvironment(s);
        if (environment.startsWith("\\begin{")) {
            AnswerValue matrix = matrix(environment, key, nesting);
            return matrix != null ? matrix : new Text(key);
        }
        List<String> union = LatexScan.splitTopLevelCommand(s, "\\cup");
        if (union.size() > 1) {
            return sequence(key, Kind.UNION, '\0', '\0', union, nesting);
        }
        if (LatexScan.enclosedBySetBraces(s)) {
            String inner = s.substring(2, s.length() - 2);
            List<String> items = inner.isBlank() ? List.of() : splitItems(inner);
            return sequence(key, Kind.SET, '{', '}', items, nesting);
        }
        if (LatexScan.enclosedByOuterBrackets(s)) {
            List<String> items = splitItems(s.substring(1, s.length() - 1));
            if (items.size() >= 2) {
                return sequence(key, Kind.TUPLE, s.charAt(0), s.charAt(s.length() - 1), items, nesting);
            }
        }
        List<String> items = splitItems(s);
        if (items.size() >= 2) {
            return sequence(key, Kind.LIST, '\0', '\0', items, nesting);
        }
        List<String> plusMinus = LatexScan.splitTopLevelCommand(s, "\\pm");
        if (plusMinus.size() == 2) {
            // "1\pm\sqrt{3}" is the list of its two solutions.
            String a = plusMinus.get(0);
            String b = plusMinus.get(1);
            return sequence(key, Kind.LIST, '\0', '\0', List.of(a + "+" + b, a + "-" + b), nesting);
        }
        AnswerValue relation = RelationParser.parse(s, key);
        if (relation != null) {
            return relation;
        }
        int equals = LatexScan.countTopLevel(s, '=');
        if (equals == 1) {
            return equation(s, key);
        }
        if (equals > 1) {
            return new Text(key);
        }
        return scalar(s, key);
    }

    /**
     * Items separated by semicolons ({@code 3; 5}, {@code (0;-2;0)}), the stronger separator where both appear
     * ({@code p=5,q=2;p=7,q=2} is two pairs), or else by commas.
     */
    private static List<String> splitItems(String s) {
        if (s.indexOf(';') >= 0) {
            List<String> items = LatexScan.splitTopLevel(s, ';');
            if (items.size() >= 2) {
                return items;
            }
        }
        return LatexScan.splitTopLevel(s, ',');
    }

    /** The text without a pair of outer parentheses around a single item: "(C)" and "C" share a key. */
    static String key(String s) {
        String t = s;
        if (t.length() > 2 && t.charAt(0) == '(' && LatexScan.enclosedByOuterBrackets(t)
                && t.charAt(t.length() - 1) == ')' && LatexScan.countTopLevel(t.substring(1, t.length() - 1), ',') == 0) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Integers, decimals and a/b without EvalEx: the common case must stay cheap. */
    private static Num fastNumber(String s, String key) {
        int n = s.length();
        if (n == 0 || n > 40) {
            return null;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digitsStart = i;
        while (i < n && LatexScan.isDigit(s.charAt(i))) {
            i++;
        }
        int intDigits = i - digitsStart;
        if (intDigits == 0) {
            return null;
        }
        if (i == n) {
            return new Num(key, Double.parseDouble(s), new Rational(new BigInteger(s), BigInteger.ONE));
        }
        char c = s.charAt(i);
        if (c == '.' || c == 'E' || c == 'e') {
            int j = i;
            if (c == '.') {
                j++;
                while (j < n && LatexScan.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    return null;
                }
            }
            if (j < n && exponentAt(s, j)) {
                // Scientific notation as printed by programs: 1.2E7, 6.72e-5 (a lone "2e" is 2 times Euler's e).
                double value = Double.parseDouble(s);
                return Double.isFinite(value) ? new Num(key, value) : null;
            }
            return j == n ? new Num(key, Double.parseDouble(s)) : null;
        }
        if (c == '/') {
            int j = i + 1;
            while (j < n && LatexScan.isDigit(s.charAt(j))) {
                j++;
            }
            if (j == n && j > i + 1) {
                boolean negative = s.charAt(0) == '-';
                return fraction(key, negative ? "-0" : "0", s.substring(negative ? 1 : 0, i), s.substring(i + 1));
            }
        }
        return null;
    }

    /** whole + numerator/denominator, signed by whole ("-0" allowed); null when the denominator is 0. */
    private static Num fraction(String key, String whole, String numerator, String denominator) {
        BigInteger d = new BigInteger(denominator);
        if (d.signum() == 0) {
            return null;
        }
        BigInteger n = new BigInteger(whole).abs().multiply(d).add(new BigInteger(numerator));
        if (whole.startsWith("-")) {
            n = n.negate();
        }
        double value = n.doubleValue() / d.doubleValue();
        return Double.isFinite(value) ? new Num(key, value, new Rational(n, d)) : null;
    }

    /** {@code E7}, {@code e-5}, {@code E+12} running to the end of s. */
    private static boolean exponentAt(String s, int j) {
        char c = s.charAt(j);
        if (c != 'E' && c != 'e') {
            return false;
        }
        int k = j + 1;
        if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
            k++;
        }
        int digits = k;
        while (k < s.length() && LatexScan.isDigit(s.charAt(k))) {
            k++;
        }
        return k == s.length() && k > digits && k - digits <= 3;
    }

    private static AnswerValue sequence(
            String key, Kind kind, char open, char close, List<String> parts, int nesting) {
        if (parts.size() > MAX_ITEMS) {
            return new Text(key);
        }
        List<AnswerValue> items = new ArrayList<>(parts.size());
        for (String part : parts) {
            AnswerValue item = parse(AnswerNormalizer.normalize(part), nesting + 1);
            if (item instanceof Empty) {
                return new Text(key); // "(1,)" or "1,,2" is not a list
            }
            items.add(item);
        }
        if (kind == Kind.TUPLE && open == '[') {
            Matrix rows = nestedListMatrix(key, items);
            if (rows != null) {
                return rows;
            }
        }
        return new Seq(key, kind, open, close, List.copyOf(items));
    }

    /** {@code [[1, 2], [3, 4]]}, the matrix of programs and Python: square-bracketed rows of one length. */
    private static Matrix nestedListMatrix(String key, List<AnswerValue> rows) {
        List<AnswerValue> cells = new ArrayList<>();
        int columns = -1;
        for (AnswerValue row : rows) {
            if (!(row instanceof Seq r) || r.kind() != Kind.TUPLE || r.open() != '[' || r.close() != ']'
                    || (columns >= 0 && r.items().size() != columns)) {
                return null;
            }
            columns = r.items().size();
            cells.addAll(r.items());
        }
        return new Matrix(key, rows.size(), columns, List.copyOf(cells));
    }

    /**
     * The environment inside {@code [\\begin{array}{cc}...\\end{array}]} or {@code (\\begin{pmatrix}...\\end{pmatrix})}:
     * brackets around a matrix only draw its delimiters. Anything else is returned unchanged.
     */
    private static String bracketedEnvironment(String s) {
        if (s.length() > 2 && (s.charAt(0) == '(' || s.charAt(0) == '[') && s.startsWith("\\begin{", 1)
                && LatexScan.enclosedByOuterBrackets(s)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static AnswerValue matrix(String s, String key, int nesting) {
        int nameEnd = s.indexOf('}');
        if (nameEnd < 0) {
            return null;
        }
        String environment = s.substring("\\begin{".length(), nameEnd);
        if (!environment.equals("pmatrix") && !environment.equals("bmatrix") && !environment.equals("matrix")
                && !environment.equals("Bmatrix") && !environment.equals("smallmatrix")
                && !environment.equals("array")) {
            return null; // vmatrix is a determinant
        }
        String end = "\\end{" + environment + "}";
        if (!s.endsWith(end)) {
            return null;
        }
        int bodyStart = nameEnd + 1;
        if (environment.equals("array") && s.startsWith("{", bodyStart)) {
            bodyStart = LatexScan.matchBrace(s, bodyStart) + 1; // the column spec {cc}
            if (bodyStart <= 0) {
                return null;
            }
        }
        String body = s.substring(bodyStart, s.length() - end.length());
        if (body.contains(end)) {
            return null; // two matrices, e.g. a sum or a product: not one literal matrix
        }
        List<String> rows = new ArrayList<>(splitRows(body));
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        if (rows.isEmpty() || rows.size() > MAX_ITEMS) {
            return null;
        }
        int columns = -1;
        List<AnswerValue> cells = new ArrayList<>();
        for (String row : rows) {
            List<String> rowCells = LatexScan.splitTopLevel(row, '&');
            if (columns < 0) {
                columns = rowCells.size();
            } else if (columns != rowCells.size()) {
                return null;
            }
            for (String cell : rowCells) {
                AnswerValue value = parse(AnswerNormalizer.normalize(cell), nesting + 1);
                if (value instanceof Empty || cells.size() >= MAX_ITEMS) {
                    return null;
                }
                cells.add(value);
            }
        }
        return new Matrix(key, rows.size(), columns, List.copyOf(cells));
    }

    private static List<String> splitRows(String body) {
        List<String> rows = new ArrayList<>();
        int start = 0;
        int i = body.indexOf("\\\\");
        while (i >= 0) {
            rows.add(body.substring(start, i));
            start = i + 2;
            i = body.indexOf("\\\\", start);
        }
        rows.add(body.substring(start));
        return rows;
    }

    private static AnswerValue equation(String s, String key) {
        int at = indexOfTopLevelEquals(s);
        String lhs = s.substring(0, at);
        String rhs = s.substring(at + 1);
        if (lhs.isBlank() || rhs.isBlank()) {
            return new Text(key);
        }
        LatexTranslator.Translation t = LatexTranslator.translate("{" + lhs + "}-{" + rhs + "}");
        if (t == null || t.variables().isEmpty()) {
            return new Text(key);
        }
        double[] samples = NumericEvaluator.sample(t.expression(), t.variables());
        if (allNaN(samples)) {
            return new Text(key);
        }
        return new Equation(key, sortedNames(t.variables()), samples);
    }

    private static int indexOfTopLevelEquals(String s) {
        List<Integer> equals = LatexScan.topLevelIndexes(s, c -> c == '=');
        return equals.isEmpty() ? -1 : equals.get(0);
    }

    private static AnswerValue scalar(String s, String key) {
        Num repeating = RepeatingDecimal.parse(s, key);
        if (repeating != null) {
            return repeating;
        }
        Num exact = exactFraction(s, key);
        if (exact != null) {
            return exact;
        }
        LatexTranslator.Translation t = LatexTranslator.translate(s);
        if (t == null) {
            return new Text(key);
        }
        if (t.variables().isEmpty()) {
            double value = NumericEvaluator.evaluate(t.expression());
            return Double.isNaN(value) ? new Text(key) : new Num(key, value);
        }
        double[] samples = NumericEvaluator.sample(t.expression(), t.variables());
        if (allNaN(samples)) {
            return new Text(key);
        }
        return new Symbolic(key, sortedNames(t.variables()), samples);
    }

    /**
     * {@code \frac{a}{b}}, {@code -\frac{a}{b}} and mixed numbers {@code 2\frac{1}{2}} with integer parts, as exact
     * rationals and without EvalEx.
     */
    private static Num exactFraction(String s, String key) {
        if (!s.endsWith("}") || !s.contains("\\frac{")) {
            return null;
        }
        Matcher m = MIXED_NUMBER.matcher(s);
        if (m.matches()) {
            return fraction(key, m.group(1) + m.group(2), m.group(3), m.group(4));
        }
        boolean negative = s.startsWith("-");
        int i = negative ? 1 : 0;
        if (!s.startsWith("\\frac{", i)) {
            return null;
        }
        int close1 = s.indexOf('}', i + 6);
        if (close1 < 0 || close1 + 1 >= s.length() || s.charAt(close1 + 1) != '{') {
            return null;
        }
        String a = s.substring(i + 6, close1);
        String b = s.substring(close1 + 2, s.length() - 1);
        if (a.isEmpty() || b.isEmpty() || a.length() > 18 || b.length() > 18
                || !a.chars().allMatch(LatexScan::isDigitInt) || !b.chars().allMatch(LatexScan::isDigitInt)) {
            return null;
        }
        return fraction(key, negative ? "-0" : "0", a, b);
    }

    private static boolean allNaN(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sortedNames(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return List.copyOf(sorted);
    }
}
