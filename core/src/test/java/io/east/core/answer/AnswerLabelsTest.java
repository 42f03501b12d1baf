package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerLabelsTest {

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            x = 5                              | 5
            `|PQ| = 6`                         | 6
            f(2) = 11                          | 11
            AB = 2\\sqrt{5}                    | 2\\sqrt{5}
            PQ:QR = 2                          | 2
            S_{MBCN}:S=7:32                    | 7:32
            \\frac{NO}{BO}=\\frac{1}{\\sqrt{6}} | \\frac{1}{\\sqrt{6}}
            m\\angle ABC = 30                  | 30
            \\theta = \\frac{\\pi}{3}          | \\frac{\\pi}{3}
            x_{1}' = 4                         | 4
            (a, b) = (1, 2)                    | (1, 2)
            `a=3, b=8`                         | `3, 8`
            `x=1,y=234`                        | `1, 234`
            `x=3,500`                          | `3,500`
            k = 3+4 = 7                        | 7
            1 = \\zzz = x = 0                  | 0
            \\frac{\\sqrt2}{2} \\approx 0.707  | \\frac{\\sqrt2}{2}
            x \\approx 11                      | 11
            x = 5+5+1 = 1/3 \\approx 11        | 1/3
            z \\in (1, 5]                      | (1, 5]
            `p=5,q=2;p=7,q=2`                  | `(5,2);(7,2)`
            """)
    void labelsWorkingAndApproximationsAreRemoved(String answer, String value) {
        assertThat(AnswerLabels.strip(answer)).isEqualTo(value);
    }

    /** Equations whose left side computes something are answers in themselves. */
    @ParameterizedTest
    @ValueSource(strings = {"7 = 11a+c", "2x + y = 5", "x^2 = 4", "\\frac{x}{2} = 3", "-x = 2", "(2) = 2", "5"})
    void equationsWithAnExpressionOnTheLeftStay(String answer) {
        assertThat(AnswerLabels.strip(answer)).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "AB", "|AB|", "f(x)", "V_{1}:V_{2}", "\\overline{AB}", "a_3", "(x, y)"})
    void namesAreLabels(String name) {
        assertThat(AnswerLabels.isLabel(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x", "x+1", "3", "x^2", "\\sqrt{x}", "", "-a", "\\frac{1}{2}"})
    void expressionsAreNotLabels(String text) {
        assertThat(AnswerLabels.isLabel(text)).isFalse();
    }

    /** The same unknown assigned twice lists two solutions, which stay unordered rather than becoming a tuple. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `x=1,x=2;x=3`       | `1, 2;3`
            `p=5,q=2;7`         | `(5,2);7`
            """)
    void onlyAssignmentsOfDistinctUnknownsBecomeTuples(String answer, String value) {
        assertThat(AnswerLabels.strip(answer)).isEqualTo(value);
    }
}
