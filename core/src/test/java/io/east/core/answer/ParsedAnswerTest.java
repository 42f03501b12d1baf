package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedAnswerTest {

    @Test
    void nullAndEmptyParseToAnAnswerThatMatchesNothing() {
        for (String input : new String[] {null, "", "   ", "$ $"}) {
            ParsedAnswer p = ParsedAnswer.parse(input);
            assertThat(p.normalized()).isEmpty();
            assertThat(p.equivalentTo(p)).isFalse();
            assertThat(p.equivalentTo(ParsedAnswer.parse("0"))).isFalse();
            assertThat(ParsedAnswer.parse("0").equivalentTo(p)).isFalse();
        }
        assertThat(ParsedAnswer.parse(null).raw()).isEmpty();
        assertThat(ParsedAnswer.parse("5").equivalentTo(null)).isFalse();
    }

    /** A stripped label leaves the value, and the equation it came from still meets an equation written otherwise. */
    @Test
    void anAnswerWithAStrippedLabelAlsoComparesAsItsEquation() {
        ParsedAnswer line = ParsedAnswer.parse("y = 2x - 1");
        assertThat(line.normalized()).isEqualTo("2x-1");
        assertThat(line.equivalentTo(ParsedAnswer.parse("2x - y - 1 = 0"))).isTrue();
        assertThat(ParsedAnswer.parse("2x - y - 1 = 0").equivalentTo(line)).isTrue();
        assertThat(line.equivalentTo(ParsedAnswer.parse("2x - 1"))).isTrue();
        assertThat(ParsedAnswer.parse("y = 2x + 1").equivalentTo(ParsedAnswer.parse("2x - y - 1 = 0"))).isFalse();
        assertThat(ParsedAnswer.parse("y = 3x").equivalentTo(ParsedAnswer.parse("y = 3"))).isFalse();
        assertThat(ParsedAnswer.parse("y=-\\frac{1}{2}x+\\frac{3}{4}").equivalentTo(ParsedAnswer.parse("2x+4y-3=0")))
                .isTrue();
    }

    @Test
    void keepsRawAndNormalizedForms() {
        ParsedAnswer p = ParsedAnswer.parse(" $\\dfrac12$ ");
        assertThat(p.raw()).isEqualTo(" $\\dfrac12$ ");
        assertThat(p.normalized()).isEqualTo("\\frac{1}{2}").isEqualTo(AnswerNormalizer.normalize(p.raw()));
        assertThat(p).isEqualTo(ParsedAnswer.parse(" $\\dfrac12$ ")).hasSameHashCodeAs(ParsedAnswer.parse(" $\\dfrac12$ "));
        assertThat(p.toString()).contains("\\frac{1}{2}");
    }

    @Test
    void goldShapeDecidesWhetherOrderMatters() {
        ParsedAnswer set = ParsedAnswer.parse("\\{1, 2\\}");
        ParsedAnswer list = ParsedAnswer.parse("2, 1");
        ParsedAnswer tuple = ParsedAnswer.parse("(2, 1)");
        assertThat(list.equivalentTo(set)).as("list predicted for a set").isTrue();
        assertThat(tuple.equivalentTo(set)).as("tuple predicted for a set").isFalse();
        assertThat(list.equivalentTo(tuple)).as("list predicted for a point, same order").isTrue();
        assertThat(ParsedAnswer.parse("1, 2").equivalentTo(tuple)).as("list predicted for a point, other order").isFalse();
        assertThat(tuple.equivalentTo(ParsedAnswer.parse("1, 2"))).as("point predicted for an unbracketed list").isFalse();
        assertThat(ParsedAnswer.parse("(1, 2)").equivalentTo(ParsedAnswer.parse("1, 2"))).isTrue();
    }

    @Test
    void percentOnOneSideAllowsAFactorOfOneHundred() {
        ParsedAnswer gold = ParsedAnswer.parse("50\\%");
        assertThat(ParsedAnswer.parse("50").equivalentTo(gold)).isTrue();
        assertThat(ParsedAnswer.parse("0.5").equivalentTo(gold)).isTrue();
        assertThat(ParsedAnswer.parse("\\frac{1}{2}").equivalentTo(gold)).isTrue();
        assertThat(ParsedAnswer.parse("5").equivalentTo(gold)).isFalse();
        assertThat(ParsedAnswer.parse("50 percent").equivalentTo(ParsedAnswer.parse("0.5"))).isTrue();
        assertThat(ParsedAnswer.parse("0.5").equivalentTo(ParsedAnswer.parse("50"))).isFalse();
    }

    @Test
    void variablesMustMatch() {
        assertThat(ParsedAnswer.parse("x+1").equivalentTo(ParsedAnswer.parse("1+x"))).isTrue();
        assertThat(ParsedAnswer.parse("y+1").equivalentTo(ParsedAnswer.parse("x+1"))).isFalse();
        assertThat(ParsedAnswer.parse("x+y").equivalentTo(ParsedAnswer.parse("x+1"))).isFalse();
        // Variables that cancel leave a constant, as a simplifier would.
        assertThat(ParsedAnswer.parse("x+1-x").equivalentTo(ParsedAnswer.parse("1"))).isTrue();
        assertThat(ParsedAnswer.parse("\\theta").equivalentTo(ParsedAnswer.parse("\\theta"))).isTrue();
        assertThat(ParsedAnswer.parse("2\\theta").equivalentTo(ParsedAnswer.parse("\\theta+\\theta"))).isTrue();
        assertThat(ParsedAnswer.parse("x_1+x_2").equivalentTo(ParsedAnswer.parse("x_2+x_1"))).isTrue();
        assertThat(ParsedAnswer.parse("x_1").equivalentTo(ParsedAnswer.parse("x_2"))).isFalse();
    }

    /**
     * Clustering 64 answers parses each once and compares pairs. This is a coarse guard against accidental
     * evaluation work in equivalentTo, with bounds loose enough for slow CI machines.
     */
    @Test
    void comparingParsedAnswersIsCheap() {
        List<ParsedAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String[] forms = {String.valueOf(i % 7), (i % 7) + ".0", "\\frac{" + (i % 7) * 2 + "}{2}", "x+" + (i % 5),
                    "(" + i % 3 + ", 1)", "\\sqrt{" + i % 4 + "}"};
            answers.add(ParsedAnswer.parse(forms[i % forms.length]));
        }
        long comparisons = 0;
        long start = System.nanoTime();
        for (int round = 0; round < 50; round++) {
            for (ParsedAnswer a : answers) {
                for (ParsedAnswer b : answers) {
                    a.equivalentTo(b);
                    comparisons++;
                }
            }
        }
        double nanosPerComparison = (System.nanoTime() - start) / (double) comparisons;
        assertThat(nanosPerComparison).isLessThan(20_000);
    }
}
