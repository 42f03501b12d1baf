package io.east.core.answer;

import io.east.core.answer.AnswerValue.Num;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The corpus README's rounding policy: a predicted decimal with at least three significant digits equals a gold
 * value that is not itself written as a number ({@code 2\pi}, {@code \sqrt2}, {@code \frac13}) when the gold,
 * rounded half-up to the decimal's own number of places, is that decimal ({@code 6.28} and {@code 6.283} are
 * {@code 2\pi}; {@code 6.3} has too few digits and {@code 6.284} rounds nothing).
 */
final class RoundedDecimals {

    static final int MIN_SIGNIFICANT_DIGITS = 3;

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern WRITTEN_NUMBER = Pattern.compile("-?\\d*\\.?\\d+");

    private RoundedDecimals() {}

    static boolean roundsTo(Num prediction, Num gold) {
        String written = prediction.key();
        if (written.length() > 40 || !DECIMAL.matcher(written).matches()
                || WRITTEN_NUMBER.matcher(gold.key()).matches() || !Double.isFinite(gold.value())
                || significantDigits(written) < MIN_SIGNIFICANT_DIGITS) {
            return false;
        }
        BigDecimal decimal = new BigDecimal(written);
        BigDecimal rounded = new BigDecimal(gold.value()).setScale(decimal.scale(), RoundingMode.HALF_UP);
        return rounded.compareTo(decimal) == 0;
    }

    /** Digits from the first nonzero one: 3 for {@code 0.333} and {@code 6.28}. */
    private static int significantDigits(String decimal) {
        int count = 0;
        boolean started = false;
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (LatexScan.isDigit(c) && (started || c != '0')) {
                started = true;
                count++;
            }
        }
        return count;
    }
}
