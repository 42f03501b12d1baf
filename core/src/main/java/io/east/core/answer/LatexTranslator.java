package io.east.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates one normalised LaTeX scalar ({@code 2\sqrt{3}}, {@code \frac{x}{2}+1}, {@code 3!}) into an EvalEx
 * expression string. Variables become {@code v0, v1, ...} so that EvalEx's case-insensitive names and built-in
 * constants ({@code e}, {@code PI}) cannot capture them; {@link Translation#variables()} maps the indices back.
 *
 * <p>LaTeX multiplies by juxtaposition, so the translator inserts {@code *} between adjacent operands itself and
 * EvalEx runs with implicit multiplication disabled. Anything it does not understand (words, relations, commas,
 * unknown commands) makes the translation fail, and the caller falls back to comparing text.
 */
final class LatexTranslator {

    /** A translated expression and the original names of {@code v0, v1, ...}. */
    record Translation(String expression, List<String> variables) {}

    static final int MAX_LENGTH = 400;
    private static final int MAX_DEPTH = 40;
    private static final int MAX_VARIABLES = 8;

    static final String PI = "3.141592653589793";
    static final String E = "2.718281828459045";

    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", "SINR"), Map.entry("cos", "COSR"), Map.entry("tan", "TANR"), Map.entry("sec", "SECR"),
            Map.entry("csc", "CSCR"), Map.entry("cot", "COTR"), Map.entry("arcsin", "ASINR"),
            Map.entry("arccos", "ACOSR"), Map.entry("arctan", "ATANR"), Map.entry("sinh", "SINH"),
            Map.entry("cosh", "COSH"), Map.entry("tanh", "TANH"), Map.entry("ln", "LOG"), Map.entry("log", "LOG"),
            Map.entry("exp", "EXP"));

    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");

    /** Short letter runs that are words, not products of variables. */
    private static final Set<String> WORDS = Set.of(
            "and", "or", "not", "no", "yes", "odd", "all", "any", "the", "is", "of", "to", "in", "on", "at", "by", "it",
            "if", "am", "pm", "cm", "mm", "km", "kg", "ft", "mi", "lb", "oz", "ml", "hr", "min", "sec", "deg", "day",
            "mod");

    private final String s;
    private int pos;
    private int depth;
    private final List<String> variables = new ArrayList<>(2);

    private LatexTranslator(String s) {
        this.s = s;
    }

    /** The translation, or {@code null} when the text is not a single expression this translator understands. */
    static Translation translate(String latex) {
        if (latex == null || latex.isEmpty() || latex.length() > MAX_LENGTH) {
            return null;
        }
        LatexTranslator t = new LatexTranslator(latex);
        try {
            String expression = t.sequence(null);
            return new Translation(expression, List.copyOf(t.variables));
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Control flow for "not translatable"; stack traces are never needed. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Unsupported fail() {
        return new Unsupported();
    }

    /** Parses operands and operators until {@code terminator} (consumed) or the end of input when it is null. */
    private String sequence(String terminator) throws Unsupported {
        if (++depth > MAX_DEPTH) {
            throw fail();
        }
        List<String> parts = new ArrayList<>(8);
        boolean previousOperand = false;
        while (true) {
            skipSpaces();
            if (pos >= s.length()) {
                if (terminator != null) {
                    throw fail();
                }
                break;
            }
            if (terminator != null && atTerminator(terminator)) {
                pos += terminator.length();
                break;
            }
            char c = s.charAt(pos);
            String operand = null;
            String operator = null;
            if (LatexScan.isDigit(c) || c == '.') {
                operand = number(previousOperand);
            } else if (LatexScan.isAsciiLetter(c)) {
                List<String> factors = letters();
                for (int i = 0; i < factors.size() - 1; i++) {
                    previousOperand = addOperand(parts, previousOperand, factors.get(i));
                }
                operand = factors.get(factors.size() - 1);
            } else if (c == '\\') {
                String[] result = command();
                operand = result[0];
                operator = result[1];
            } else if (LatexScan.isOpen(c)) {
                operand = "(" + bracketed() + ")";
            } else if (c == '|') {
                pos++;
                operand = "ABS(" + sequence("|") + ")";
            } else if (c == '+' || c == '-') {
                pos++;
                operator = String.valueOf(c);
            } else if (c == '*' || c == '/') {
                if (!previousOperand) {
                    throw fail();
                }
                pos++;
                operator = String.valueOf(c);
            } else if (c == '^') {
                if (!previousOperand) {
                    throw fail();
                }
                pos++;
                String exponent = exponent();
                int last = parts.size() - 1;
                parts.set(last, "((" + parts.get(last) + ")^(" + exponent + "))");
                continue;
            } else if (c == '!') {
                if (!previousOperand || (pos + 1 < s.length() && s.charAt(pos + 1) == '!')) {
                    throw fail();
                }
                pos++;
                int last = parts.size() - 1;
                parts.set(last, "FACT(" + parts.get(last) + ")");
                continue;
            } else {
                throw fail();
            }
            if (operand != null) {
                previousOperand = addOperand(parts, previousOperand, operand);
            } else if (operator != null) {
                if (!previousOperand && (operator.equals("*") || operator.equals("/"))) {
                    throw fail();
                }
                if (!parts.isEmpty() && !previousOperand && (operator.equals("+") || operator.equals("-"))) {
                    String before = parts.get(parts.size() - 1);
                    if (before.equals("+") || before.equals("-")) {
                        throw fail(); // "2+-3" is fine for EvalEx but "--" and "+-" in answers are typos
                    }
                }
                parts.add(operator);
                previousOperand = false;
            }
        }
        depth--;
        if (parts.isEmpty() || !previousOperand) {
            throw fail();
        }
        return String.join("", parts);
    }

    private static boolean addOperand(List<String> parts, boolean previousOperand, String operand) {
        if (previousOperand) {
            parts.add("*");
        }
        parts.add(operand);
        return true;
    }

    private boolean atTerminator(String terminator) {
        if (!s.startsWith(terminator, pos)) {
            return false;
        }
        return terminator.charAt(0) != '\\' || !LatexScan.isLetterAt(s, pos + terminator.length());
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /** A decimal literal; an integer directly followed by a numeric {@code \frac} is a mixed number (2\frac{1}{2}). */
    private String number(boolean previousOperand) throws Unsupported {
        int start = pos;
        boolean dot = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (LatexScan.isDigit(c)) {
                pos++;
            } else if (c == '.' && !dot && pos + 1 < s.length() && LatexScan.isDigit(s.charAt(pos + 1))) {
                dot = true;
                pos++;
            } else {
                break;
            }
        }
        if (pos == start) {
            throw fail();
        }
        String literal = s.substring(start, pos);
        if (!dot && !previousOperand && s.startsWith("\\frac{", pos)) {
            String fraction = numericFraction(pos);
            if (fraction != null) {
                return "(" + literal + "+" + fraction + ")";
            }
        }
        if (pos < s.length() && s.charAt(pos) == '_') {
            throw fail(); // a base subscript such as 52_8
        }
        return literal;
    }

    /** {@code \frac{a}{b}} with digit-only a and b starting at {@code at}; advances pos past it when found. */
    private String numericFraction(int at) {
        int open1 = at + 5;
        int close1 = s.indexOf('}', open1);
        if (close1 < 0 || close1 + 1 >= s.length() || s.charAt(close1 + 1) != '{') {
            return null;
        }
        int close2 = s.indexOf('}', close1 + 2);
        if (close2 < 0) {
            return null;
        }
        String a = s.substring(open1 + 1, close1);
        String b = s.substring(close1 + 2, close2);
        if (!isDigits(a) || !isDigits(b)) {
            return null;
        }
        pos = close2 + 1;
        return "(" + a + "/" + b + ")";
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!LatexScan.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A run of letters is a product of single-letter variables, unless it reads as a word. */
    private List<String> letters() throws Unsupported {
        int start = pos;
        while (pos < s.length() && LatexScan.isAsciiLetter(s.charAt(pos))) {
            pos++;
        }
        String run = s.substring(start, pos);
        if (run.length() > 3 || WORDS.contains(run.toLowerCase(java.util.Locale.ROOT))) {
            throw fail();
        }
        List<String> factors = new ArrayList<>(run.length());
        for (int i = 0; i < run.length(); i++) {
            String name = String.valueOf(run.charAt(i));
            if (i == run.length() - 1) {
                name += subscript();
                name += primes();
            }
            factors.add(name.equals("e") ? E : variable(name));
        }
        return factors;
    }

    private String subscript() throws Unsupported {
        if (pos >= s.length() || s.charAt(pos) != '_') {
            return "";
        }
        pos++;
        if (pos >= s.length()) {
            throw fail();
        }
        if (s.charAt(pos) == '{') {
            int end = LatexScan.matchBrace(s, pos);
            if (end < 0) {
                throw fail();
            }
            String content = s.substring(pos + 1, end);
            for (int i = 0; i < content.length(); i++) {
                if (!Character.isLetterOrDigit(content.charAt(i))) {
                    throw fail();
                }
            }
            pos = end + 1;
            return "_" + content;
        }
        char c = s.charAt(pos);
        if (!Character.isLetterOrDigit(c)) {
            throw fail();
        }
        pos++;
        return "_" + c;
    }

    private String primes() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) == '\'') {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String variable(String name) throws Unsupported {
        int index = variables.indexOf(name);
        if (index < 0) {
            if (variables.size() >= MAX_VARIABLES) {
                throw fail();
            }
            variables.add(name);
            index = variables.size() - 1;
        }
        return "v" + index;
    }

    /** Returns {operand, operator}; exactly one of them is non-null. */
    private String[] command() throws Unsupported {
        int start = ++pos;
        while (pos < s.length() && LatexScan.isAsciiLetter(s.charAt(pos))) {
            pos++;
        }
        String name = s.substring(start, pos);
        if (name.isEmpty()) {
            throw fail(); // \{, \%, \\ and friends have no scalar meaning
        }
        switch (name) {
            case "frac":
                return new String[] {"((" + group() + ")/(" + group() + "))", null};
            case "binom":
                return new String[] {"BINOM(" + group() + "," + group() + ")", null};
            case "sqrt": {
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    String index = sequence("]");
                    return new String[] {"ROOT(" + group() + "," + index + ")", null};
                }
                return new String[] {"SQRT(" + group() + ")", null};
            }
            case "pi":
                return new String[] {PI, null};
            case "cdot", "times", "ast":
                return new String[] {null, "*"};
            case "div":
                return new String[] {null, "/"};
            case "lfloor":
                return new String[] {"FLOOR(" + sequence("\\rfloor") + ")", null};
            case "lceil":
                return new String[] {"CEILING(" + sequence("\\rceil") + ")", null};
            default:
                break;
        }
        if (GREEK.contains(name)) {
            return new String[] {variable("\\" + name + subscript()), null};
        }
        String function = FUNCTIONS.get(name);
        if (function == null) {
            throw fail();
        }
        return new String[] {function(name, function), null};
    }

    /** {@code \sin x}, {@code \sin(2x)}, {@code \sin^2 x}, {@code \log_2 8}, {@code \ln x}. */
    private String function(String name, String evalexName) throws Unsupported {
        String base = null;
        String power = null;
        skipSpaces();
        if (name.equals("log") && pos < s.length() && s.charAt(pos) == '_') {
            pos++;
            base = group();
            skipSpaces();
        }
        if (pos < s.length() && s.charAt(pos) == '^') {
            pos++;
            power = exponent();
            if (power.equals("-1") || power.equals("(-1)")) {
                throw fail(); // inverse-function notation, not a power
            }
            skipSpaces();
        }
        String argument = functionArgument();
        String call;
        if (name.equals("exp")) {
            call = "((" + E + ")^(" + argument + "))";
        } else if (base != null) {
            call = "(LOG(" + argument + ")/LOG(" + base + "))";
        } else {
            call = evalexName + "(" + argument + ")";
        }
        return power == null ? call : "((" + call + ")^(" + power + "))";
    }

    /** The translation inside the bracket group that opens at pos, any of ( [ {; pos moves past its closer. */
    private String bracketed() throws Unsupported {
        char open = s.charAt(pos++);
        return sequence(open == '(' ? ")" : open == '{' ? "}" : "]");
    }

    private String functionArgument() throws Unsupported {
        if (pos >= s.length()) {
            throw fail();
        }
        if (LatexScan.isOpen(s.charAt(pos))) {
            return bracketed();
        }
        // Without brackets the argument runs to the next + or - ("\sin 2x + 1" is sin(2x) + 1).
        int start = pos;
        int level = 0;
        int end = pos;
        while (end < s.length()) {
            char x = s.charAt(end);
            if (LatexScan.isOpen(x)) {
                level++;
            } else if (LatexScan.isClose(x)) {
                if (level == 0) {
                    break;
                }
                level--;
            } else if ((x == '+' || x == '-' || x == '=' || x == ',') && level == 0 && end > start) {
                break;
            } else if (x == '\\' && level == 0 && end > start
                    && (s.startsWith("\\cdot", end) || s.startsWith("\\times", end) || s.startsWith("\\rfloor", end)
                            || s.startsWith("\\rceil", end) || isFunctionAt(end))) {
                break;
            }
            end++;
        }
        if (end == start) {
            throw fail();
        }
        String inner = s.substring(start, end);
        LatexTranslator nested = new LatexTranslator(inner);
        nested.variables.addAll(variables);
        nested.depth = depth;
        String translated = nested.sequence(null);
        variables.clear();
        variables.addAll(nested.variables);
        pos = end;
        return translated;
    }

    private boolean isFunctionAt(int i) {
        int j = i + 1;
        while (j < s.length() && LatexScan.isAsciiLetter(s.charAt(j))) {
            j++;
        }
        return FUNCTIONS.containsKey(s.substring(i + 1, j));
    }

    /** A LaTeX argument: a braced group or a single token. */
    private String group() throws Unsupported {
        skipSpaces();
        if (pos >= s.length()) {
            throw fail();
        }
        char c = s.charAt(pos);
        if (c == '{') {
            pos++;
            return sequence("}");
        }
        if (LatexScan.isDigit(c)) {
            pos++;
            return String.valueOf(c);
        }
        if (LatexScan.isAsciiLetter(c)) {
            pos++;
            return c == 'e' ? E : variable(String.valueOf(c));
        }
        if (c == '\\') {
            String[] result = command();
            if (result[0] == null) {
                throw fail();
            }
            return result[0];
        }
        throw fail();
    }

    /** The exponent after {@code ^}: a group, one token, or a signed digit ({@code x^-1}). */
    private String exponent() throws Unsupported {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '-' && pos + 1 < s.length() && LatexScan.isDigit(s.charAt(pos + 1))) {
            pos += 2;
            return "-" + s.charAt(pos - 1);
        }
        return group();
    }
}
