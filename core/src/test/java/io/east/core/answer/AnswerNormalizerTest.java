package io.east.core.answer;

import static io.east.core.answer.NormalizationAssertions.assertNormalizesTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerNormalizerTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", textBlock = """
            72                            | 72
            $\\frac{1}{2}$                | \\frac{1}{2}
            \\(\\frac{1}{2}\\)            | \\frac{1}{2}
            \\dfrac{1}{2}                 | \\frac{1}{2}
            \\tfrac12                     | \\frac{1}{2}
            \\frac12                      | \\frac{1}{2}
            \\frac 1 2                    | \\frac{1}{2}
            \\frac{1}2                    | \\frac{1}{2}
            \\frac{\\dfrac12}{3}          | \\frac{\\frac{1}{2}}{3}
            \\sqrt2                       | \\sqrt{2}
            \\sqrt[3]8                    | \\sqrt[3]{8}
            \\left( 1, 2 \\right)         | (1,2)
            \\left[ 1, 2 \\right)         | [1,2)
            \\left\\{ 1, 2 \\right\\}     | \\{1,2\\}
            `\\left.x\\right|`            | `x|`
            \\bigl(1\\bigr)               | (1)
            1,000                         | 1000
            1,234,567                     | 1234567
            -1,234.50                     | -1234.5
            1{,}000                       | 1000
            85,\\!184                     | 85184
            1\\,000                       | 1000
            (1,2)                         | (1,2)
            1,2                           | 1,2
            [-36,104]                     | [-36,104]
            2.50                          | 2.5
            3.0                           | 3
            3.                            | 3
            100.000                       | 100
            007                           | 7
            .5                            | 0.5
            -.5                           | -0.5
            -0.0                          | 0
            +5                            | 5
            10                            | 10
            x = 5                         | 5
            y = 2x + 3                    | 2x+3
            f(x) = x^2                    | x^2
            \\theta = 30^\\circ           | 30
            a_1 = 4                       | 4
            x \\in [1, 2]                 | [1,2]
            (a, b) = (1, 2)               | (1,2)
            x = 1, y = 2                  | 1, 2
            x = 1 \\text{ or } x = 2      | 1, 2
            x_{1}=3,\\quadx_{2}=4         | 3, 4
            x^2 + y^2 = 13                | x^2+y^2=13
            x + y = 5                     | x+y=5
            5 \\text{ cm}                 | 5
            5\\text{ cm}^2                | 5
            45 \\text{ units}^2           | 45
            8\\sqrt{3} \\text { square inches} | 8\\sqrt{3}
            \\text{Monday}                | Monday
            \\text{(C)}                   | (C)
            (\\text{E})                   | (E)
            \\text{A,D}                   | A,D
            \\textbf{17}                  | 17
            \\mbox{Evelyn}                | Evelyn
            12 \\text{ and } 13           | `12, 13`
            12 and 13                     | `12, 13`
            5 dollars                     | 5
            12 square units               | 12
            18 apples                     | 18
            25 \\, \\text{km}             | 25
            9\\text{ a.m.}                | 9
            \\$5                          | 5
            \\$1,000.50                   | 1000.5
            -\\$0.50                      | -0.5
            $5$                           | 5
            30^\\circ                     | 30
            30^{\\circ}                   | 30
            30°                           | 30
            50\\%                         | 50
            50%                           | 50
            \\!-3                         | -3
            −3                            | -3
            5.                            | 5
            2 1/2                         | 2\\frac{1}{2}
            2\\pi r                       | 2\\pi r
            \\pi r^2                      | \\pi r^2
            2 \\cdot 3                    | 2\\cdot3
            \\boxed{5}                    | 5
            \\{1, 2\\}                    | \\{1,2\\}
            x \\leq 3                     | x\\le3
            x \\geq 3                     | x\\ge3
            ∞                             | \\infty
            (-∞, 3]                       | (-\\infty,3]
            \\varnothing                  | \\emptyset
            \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{pmatrix}1\\\\2\\end{pmatrix}
            `   `                         | ``
            """)
    void normalizesNotation(String input, String expected) {
        assertNormalizesTo(input, expected);
    }

    @Test
    void nullAndEmptyGiveTheEmptyString() {
        assertThat(AnswerNormalizer.normalize(null)).isEmpty();
        assertThat(AnswerNormalizer.normalize("")).isEmpty();
    }

    @Test
    void exactClusteringKeepsDifferentNotationsApart() {
        // Normalisation only rewrites notation: equal values in different notations stay distinct strings,
        // which is what exact clustering (the reference pipeline's behaviour) needs.
        assertThat(AnswerNormalizer.normalize("0.5")).isNotEqualTo(AnswerNormalizer.normalize("\\frac{1}{2}"));
        assertThat(AnswerNormalizer.normalize("1/2")).isNotEqualTo(AnswerNormalizer.normalize("\\frac{1}{2}"));
        assertThat(AnswerNormalizer.normalize("\\dfrac12")).isEqualTo(AnswerNormalizer.normalize("$\\frac{1}{2}$"));
    }

    @Test
    void overlongInputOnlyLosesWhitespace() {
        String input = "1 + ".repeat(1_000) + "1";
        assertThat(AnswerNormalizer.normalize(input)).isEqualTo("1+".repeat(1_000) + "1");
    }
}
