package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MathSegmentsTest {

    private static List<String> contents(String text) {
        return MathSegments.scan(text).stream().filter(s -> !s.broken()).map(s -> s.content(text)).toList();
    }

    @Test
    void findsEveryKindOfDelimiterInTextOrder() {
        assertThat(contents("a $x$ b $$y$$ c \\(z\\) d \\[w\\] e")).containsExactly("x", "y", "z", "w");
    }

    @Test
    void spansCoverTheirDelimiters() {
        String text = "so $(4, 9)$.";
        MathSegments.Span span = MathSegments.scan(text).get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("$(4, 9)$");
        assertThat(span.broken()).isFalse();
    }

    @Test
    void inlineMathMayNotSpanALineBreak() {
        assertThat(MathSegments.scan("Answer $ \n 9 \n $")).singleElement().matches(MathSegments.Span::broken);
        assertThat(MathSegments.scan("Answer \\( \n 9 \n \\)")).singleElement().matches(MathSegments.Span::broken);
        assertThat(contents("$$\n9\n$$ and \\[\n8\n\\]")).containsExactly("\n9\n", "\n8\n");
    }

    @Test
    void aDollarBeforeADigitClosedAfterASpaceIsCurrency() {
        assertThat(contents("has $10,200 + $255 = $10,455. Then $x$")).containsExactly("x");
        assertThat(contents("costs $5.\nThen $7$")).containsExactly("7");
        assertThat(contents("$5$")).containsExactly("5");
    }

    @Test
    void anEscapedDollarIsNoDelimiter() {
        assertThat(contents("Answer $ \\frac{1}{2} \\$ = \\frac{10}{9} $"))
                .containsExactly(" \\frac{1}{2} \\$ = \\frac{10}{9} ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\( x", "$$ x", "\\[ x", "a lone $ sign", "no math"})
    void unclosedDelimitersOpenNothing(String text) {
        assertThat(MathSegments.scan(text)).isEmpty();
    }

    @Test
    void leadingIsTheSegmentATextStartsWith() {
        String text = "$$ 9 $$ and more";
        assertThat(MathSegments.leading(text).content(text)).isEqualTo(" 9 ");
        assertThat(MathSegments.leading("x $9$")).isNull();
        assertThat(MathSegments.leading("$5 apples")).isNull();
    }

    @Test
    void manyUnclosedDelimitersAreScannedInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String unclosed : List.of("\\( ", "\\[ ", "$5 ")) {
                assertThat(MathSegments.scan("$$ " + unclosed.repeat(25_000))).as(unclosed).isEmpty();
            }
        });
    }
}
