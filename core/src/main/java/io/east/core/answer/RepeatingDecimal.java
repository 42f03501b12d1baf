package io.east.core.answer;

import io.east.core.answer.AnswerValue.Num;
import io.east.core.answer.AnswerValue.Rational;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code 0.\overline{3}}, {@code 1.2\overline{45}} and {@code 0.\dot{6}}: exact rationals, so they equal 1/3 exactly. */
final class RepeatingDecimal {

    private static final Pattern REPEATING =
            Pattern.compile("(-?)(\\d{0,18})\\.(\\d{0,18})\\\\(?:overline|dot)\\{(\\d{1,18})\\}");

    private RepeatingDecimal() {}

    /** The value, or null when {@code s} is not a repeating decimal. */
    static Num parse(String s, String key) {
        if (!s.contains("\\overline{") && !s.contains("\\dot{")) {
            return null;
        }
        Matcher m = REPEATING.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String fixed = m.group(3);
        String repeated = m.group(4);
        BigInteger nines = BigInteger.TEN.pow(repeated.length()).subtract(BigInteger.ONE);
        // x = (leading + repeated / nines) / 10^|fixed|, leading being the digits before the repeat
        BigInteger leading = new BigInteger((m.group(2).isEmpty() ? "0" : m.group(2)) + fixed);
        BigInteger numerator = leading.multiply(nines).add(new BigInteger(repeated));
        BigInteger denominator = BigInteger.TEN.pow(fixed.length()).multiply(nines);
        if (!m.group(1).isEmpty()) {
            numerator = numerator.negate();
        }
        double value = numerator.doubleValue() / denominator.doubleValue();
        return new Num(key, value, new Rational(numerator, denominator));
    }
}
