package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class AnswerPropertiesTest {

    /** Pieces of real answers, so that generated strings exercise every normalisation rule and their overlaps. */
    private static final List<String> TOKENS = List.of(
            "1", "2", "0", "5", "12", "007", "2.50", "1,000", ".5", "-", "+", "*", "/", "^", "=", ",", ".", " ", "  ",
            "x", "y", "e", "i", "\\pi", "\\frac", "\\dfrac", "\\sqrt", "{", "}", "(", ")", "[", "]", "\\{", "\\}", "$",
            "\\$", "\\%", "%", "^\\circ", "\\text{ cm}", "\\text{(A)}", "\\text{ and }", "\\left(", "\\right)", "\\!",
            "\\,", "\\;", "\\quad", "\\cup", "\\infty", "\\pm", "\\cdot", "\\in", "units", "dollars", "and", "apples",
            "\\boxed{", "\\\\", "&", "\\begin{pmatrix}", "\\end{pmatrix}", "−", "°", "\\mbox{", "\\textbf{", "_", "!", "|",
            ";", "or", ", ", "0,25", "3,5", "7, 123", "_{2}", "\\\\frac", "\\\\pi", "\\", "[[", "]]",
            "\\begin{array}{cc}", "\\end{array}", "\\,\\!");

    @Provide
    Arbitrary<String> answerLike() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void normalizeIsIdempotentOnAnswerLikeStrings(@ForAll("answerLike") String s) {
        String once = AnswerNormalizer.normalize(s);
        assertThat(AnswerNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void normalizeIsIdempotentOnArbitraryStrings(@ForAll @StringLength(max = 40) String s) {
        String once = AnswerNormalizer.normalize(s);
        assertThat(AnswerNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void gradingNeverThrows(@ForAll("answerLike") String a, @ForAll("answerLike") String b) {
        AnswerGrader.equivalent(a, b);
        AnswerGrader.grade(a, b);
        AnswerExtractor.extract(a);
        AnswerExtractor.extractOrBare(b);
    }

    @Property(tries = 1000)
    void everyNonEmptyAnswerIsEquivalentToItself(@ForAll("answerLike") String s) {
        ParsedAnswer p = ParsedAnswer.parse(s);
        assertThat(p.equivalentTo(p)).isEqualTo(!p.normalized().isEmpty());
    }

    @Property
    void integersAreEquivalentIffEqual(@ForAll long n, @ForAll long m) {
        assertThat(AnswerGrader.equivalent(Long.toString(n), Long.toString(m))).isEqualTo(n == m);
    }

    @Property
    void nearbyLargeIntegersAreDistinct(@ForAll @LongRange(min = 1_000_000, max = Long.MAX_VALUE - 1) long n) {
        assertThat(AnswerGrader.equivalent(Long.toString(n), Long.toString(n + 1))).isFalse();
    }

    @Property
    void integersAreReflexiveInEveryNotation(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int n) {
        String plain = Integer.toString(n);
        String grouped = String.format(Locale.US, "%,d", n);
        assertThat(AnswerGrader.equivalent(plain, plain)).isTrue();
        assertThat(AnswerGrader.equivalent(grouped, plain)).isTrue();
        assertThat(AnswerGrader.equivalent(plain + ".0", plain)).isTrue();
        assertThat(AnswerGrader.equivalent("\\boxed{" + plain + "}", plain)).isTrue();
        assertThat(AnswerGrader.equivalent("$" + grouped + "$", plain)).isTrue();
    }

    @Property
    void scalingByTenIsNeverEquivalent(@ForAll @IntRange(min = 1, max = 100_000_000) int n) {
        assertThat(AnswerGrader.equivalent(Integer.toString(n), Long.toString(10L * n))).isFalse();
        assertThat(AnswerGrader.equivalent(Long.toString(10L * n), Integer.toString(n))).isFalse();
    }

    @Property
    void decimalsAreReflexiveAndMatchTheirFraction(
            @ForAll @IntRange(min = -100_000, max = 100_000) int numerator,
            @ForAll @IntRange(min = 1, max = 10_000) int denominator) {
        String fraction = numerator + "/" + denominator;
        String latex = (numerator < 0 ? "-" : "") + "\\frac{" + Math.abs(numerator) + "}{" + denominator + "}";
        String decimal = new BigDecimal(numerator).divide(new BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .toPlainString();
        assertThat(AnswerGrader.equivalent(fraction, fraction)).isTrue();
        assertThat(AnswerGrader.equivalent(decimal, decimal)).isTrue();
        assertThat(AnswerGrader.equivalent(latex, fraction)).isTrue();
        assertThat(AnswerGrader.equivalent(decimal, latex)).isTrue();
        assertThat(AnswerGrader.equivalent(fraction, decimal)).isTrue();
    }

    @Property
    void distinctFractionsAreNotEquivalent(
            @ForAll @IntRange(min = 1, max = 1000) int a, @ForAll @IntRange(min = 1, max = 1000) int b,
            @ForAll @IntRange(min = 1, max = 1000) int c, @ForAll @IntRange(min = 1, max = 1000) int d) {
        Assume.that((long) a * d != (long) b * c);
        assertThat(AnswerGrader.equivalent("\\frac{" + a + "}{" + b + "}", c + "/" + d)).isFalse();
    }

    @Property
    void plainNumbersCompareSymmetrically(
            @ForAll @IntRange(min = -1000, max = 1000) int a, @ForAll @IntRange(min = 1, max = 50) int b,
            @ForAll @IntRange(min = -1000, max = 1000) int c) {
        String x = a + "/" + b;
        String y = Integer.toString(c);
        assertThat(AnswerGrader.equivalent(x, y)).isEqualTo(AnswerGrader.equivalent(y, x));
    }

    @Property
    void polynomialIdentityHoldsAtSamplePoints(
            @ForAll @IntRange(min = -20, max = 20) int p, @ForAll @IntRange(min = -20, max = 20) int q) {
        // (x + p)(x + q) = x^2 + (p + q) x + pq, written with explicit signs.
        String factored = "(x" + signed(p) + ")(x" + signed(q) + ")";
        String expanded = "x^2" + signed(p + q) + "x" + signed(p * q);
        assertThat(AnswerGrader.equivalent(factored, expanded)).isTrue();
        assertThat(AnswerGrader.equivalent(factored, "x^2" + signed(p + q) + "x" + signed(p * q + 1))).isFalse();
    }

    private static String signed(int v) {
        return v < 0 ? Integer.toString(v) : "+" + v;
    }
}
