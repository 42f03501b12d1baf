package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerGraderTest {

    /** prediction | gold, all equivalent. */
    @ParameterizedTest(name = "[{index}] {0}  ==  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            72                                   | 72
            1080                                 | 1,080
            1,000,000                            | 1000000
            007                                  | 7
            2.50                                 | 2.5
            3.0                                  | 3
            0.5                                  | \\frac{1}{2}
            1/2                                  | \\frac{1}{2}
            \\dfrac{1}{2}                        | 0.5
            \\tfrac12                            | 1/2
            \\frac12                             | .5
            -\\frac{1}{4}                        | -0.25
            \\frac{-1}{4}                        | -\\frac{1}{4}
            4/2                                  | 2
            50                                   | 50\\%
            0.5                                  | 50\\%
            50%                                  | 0.5
            50\\%                                | 50
            30                                   | 30^\\circ
            30^{\\circ}                          | 30
            30 degrees                           | 30^\\circ
            5                                    | 5 \\text{ cm}
            5 \\text{ cm}                        | 5
            5                                    | \\$5
            5 dollars                            | 5
            \\$1,000                             | 1000
            440                                  | 440\\text{ cm}^2
            -3                                   | \\!-3
            −3                                   | -3
            5/2                                  | 2\\frac{1}{2}
            2.5                                  | 2\\frac{1}{2}
            2 1/2                                | 2.5
            -2\\frac{1}{2}                       | -2.5
            \\left( 1, 2 \\right)                | (1,2)
            (-\\infty, 3]                        | (-\\infty,3]
            [0, \\infty)                         | [0,\\infty)
            (-\\infty, -2] \\cup [2, \\infty)    | (-\\infty,-2]\\cup[2,\\infty)
            [2, \\infty) \\cup (-\\infty, -2]    | (-\\infty,-2]\\cup[2,\\infty)
            `2, 1`                               | \\{1,2\\}
            \\{2,1\\}                            | \\{1,2\\}
            `2,1`                                | `1, 2`
            `x = 2, x = 1`                       | `1, 2`
            `1, 2`                               | (1,2)
            \\{5\\}                              | 5
            5                                    | \\{5\\}
            `\\frac{1}{2}, 3`                    | `3, 0.5`
            \\sqrt{2}                            | \\sqrt2
            \\sqrt{12}                           | 2\\sqrt{3}
            2\\sqrt{3}                           | \\sqrt{12}
            2                                    | \\sqrt[3]{8}
            -2                                   | \\sqrt[3]{-8}
            0.8660254037844386                   | \\frac{\\sqrt{3}}{2}
            \\frac{1}{\\sqrt{3}}                 | \\frac{\\sqrt{3}}{3}
            6.283185307179586                    | 2\\pi
            \\frac{\\pi}{2}                      | 1.5707963267948966
            \\frac{2}{3}\\pi                     | \\frac{2\\pi}{3}
            \\pi                                 | π
            \\infty                              | \\infty
            -\\infty                             | -\\infty
            1024                                 | 2^{10}
            2^{-2}                               | 0.25
            -4                                   | -2^2
            4                                    | (-2)^2
            7.38905609893065                     | e^{2}
            120                                  | 5!
            10                                   | \\binom{5}{2}
            3                                    | `|-3|`
            `\\left| -3 \\right|`                 | 3
            3                                    | \\log_2 8
            1                                    | \\ln e
            1                                    | \\sin(\\pi/2)
            1.2E7                                | 12000000
            6.72e-5                              | 0.0000672
            1.0000001                            | 1
            x^2+2x+1                             | (x+1)^2
            \\frac{1}{2}x                        | x/2
            2x                                   | x+x
            \\frac{x}{2}+\\frac{y}{3}            | \\frac{3x+2y}{6}
            a^2-b^2                              | (a-b)(a+b)
            \\sqrt{x^2}                          | x
            4+4\\sqrt{2}                         | 4\\sqrt{2} + 4
            3+4i                                 | 4i+3
            \\frac{1}{5} + \\frac{3}{5}i         | 0.2+0.6i
            7z^{96}(4z+1)                        | 28z^{97}+7z^{96}
            2\\sin x\\cos x                      | \\sin(2x)
            2x + 3                               | y = 2x + 3
            y = 2x + 3                           | 2x+3
            y=2x+3                               | y = 3 + 2x
            x - 3z = 0                           | 3z - x = 0
            2x - 6z = 0                          | x - 3z = 0
            20x + 23y + 26z - 69 = 0             | 40x + 46y + 52z = 138
            \\frac{x^2}{16} - \\frac{y^2}{9} = 1 | 9x^2 - 16y^2 = 144
            `1+\\sqrt{3}, 1-\\sqrt{3}`           | 1\\pm\\sqrt{3}
            1\\pm\\sqrt{3}                       | `1-\\sqrt{3}, 1+\\sqrt{3}`
            \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{pmatrix}1\\\\2\\end{pmatrix}
            \\begin{pmatrix} 0.4 \\\\ -0.2 \\end{pmatrix} | \\begin{pmatrix} 2/5 \\\\ -1/5 \\end{pmatrix}
            \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} | \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}
            `(1, 2)`                             | \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}
            \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | (1,2)
            \\text{(A)}                          | \\text{(A)}
            A                                    | \\text{(A)}
            (B)                                  | \\text{B}
            \\textbf{(C)}                        | C
            monday                               | \\text{Monday}
            Monday                               | MONDAY
            \\text{even}                         | even
            `\\text{B, E, G}`                    | `G, E, B`
            `\\text{A,D}`                        | `D, A`
            \\{(1, 2), (3, 4)\\}                 | \\{(3,4),(1,2)\\}
            \\frac{270}7\\text{ degrees}         | \\frac{270}{7}
            137.5\\text{ degrees}                | 137 \\frac{1}{2}
            x \\in [-2, 7]                       | [-2,7]
            \\left[ -2, 7 \\right]               | [-2,7]
            (3, -3, 1)                           | \\left( 3, -3, 1 \\right)
            (4, \\pi)                            | \\left( 4, \\pi \\right)
            (6, 235^\\circ)                      | (6,235)
            \\cos^2 x + \\sin^2 x                | 1
            1                                    | \\frac{x}{x}
            \\mathbb{R}                          | (-\\infty, \\infty)
            x \\in \\mathbb{R}                   | (-\\infty, \\infty)
            0.\\overline{3}                      | \\frac{1}{3}
            \\frac{1}{3}                         | 0.\\overline{3}
            1.2\\overline{45}                    | \\frac{137}{110}
            -0.\\dot{6}                          | -\\frac23
            .\\overline{142857}                  | \\frac17
            """)
    void equivalentPairs(String prediction, String gold) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isTrue();
    }

    /** prediction | gold, never equivalent. */
    @ParameterizedTest(name = "[{index}] {0}  !=  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            2                                    | 3
            1/2                                  | 2
            2                                    | 1/2
            10                                   | 100
            100                                  | 10
            -3                                   | 3
            0.5                                  | 50
            50                                   | 0.5
            5000\\%                              | 50\\%
            1.00001                              | 1
            1000000                              | 1000001
            123456789012345678901234567890       | 123456789012345678901234567891
            1                                    | \\frac{4036082}{4036081}
            2\\frac{1}{2}                        | 1
            2.5                                  | \\frac{2}{5}
            0.867                                | \\frac{\\sqrt{3}}{2}
            \\sqrt{2}                            | \\sqrt{3}
            \\sqrt[3]{8}                         | 3
            2\\pi                                | \\pi
            \\pi                                 | 3.14
            \\infty                              | -\\infty
            \\infty                              | 1000000000
            (1,2)                                | (2,1)
            (1,3)                                | (1,2)
            [1,2)                                | [1,2]
            (1,2)                                | [1,2]
            `1, 2`                               | [1,2]
            `1, 2`                               | `1, 2, 3`
            `1, 2, 3`                            | `1, 2`
            \\{1,2\\}                            | \\{1,3\\}
            (1,2)                                | \\{1,2\\}
            `2, 1`                               | (1,2)
            (-\\infty, 3)                        | (-\\infty, 3]
            (-\\infty, 2) \\cup (3, \\infty)     | (-\\infty, 2] \\cup (3, \\infty)
            x^2+2x                               | (x+1)^2
            x                                    | y
            2x                                   | 2y
            x+y                                  | x
            \\frac{x}{2}                         | 2x
            x^2                                  | x^3
            3+4i                                 | 3-4i
            2b                                   | 2B
            x - 3z = 0                           | x - 3z = 1
            x + y = 5                            | x - y = 5
            \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{pmatrix} 2 \\\\ 1 \\end{pmatrix}
            \\begin{pmatrix} 1 & 2 \\end{pmatrix} | \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}
            [1, 2]                               | \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}
            A                                    | \\text{(B)}
            Monday                               | Tuesday
            Mondya                               | Monday
            \\text{odd}                          | \\text{even}
            10^{10^{10}}                         | 1
            100000!                              | 1
            52_8                                 | 42
            1\\pm\\sqrt{3}                       | 1+\\sqrt{3}
            0                                    | 1
            x=5                                  | 6
            \\sin^2 x                            | 1
            \\mathbb{R}                          | [0, \\infty)
            0.\\overline{3}                      | 0.333
            0.\\overline{3}                      | \\frac{33}{100}
            """)
    void nonEquivalentPairs(String prediction, String gold) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "$$", "\\text{}", "\\boxed{}"})
    void emptyPredictionIsNeverEquivalent(String prediction) {
        assertThat(AnswerGrader.equivalent(prediction, "5")).isFalse();
        assertThat(AnswerGrader.equivalent(prediction, prediction)).isFalse();
        assertThat(AnswerGrader.equivalent("5", prediction)).isFalse();
    }

    @Test
    void gradeExtractsFromResponsesAndSolutions() {
        String gsm8kSolution = "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n"
                + "Natalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\n#### 72";
        String mathSolution = "So the maximum difference is $\\boxed{\\frac{1}{2}}$.";

        assertThat(AnswerGrader.grade("She sold 48 + 24 = 72 clips. The answer is $\\boxed{72}$.", gsm8kSolution))
                .isEqualTo(new AnswerGrader.Grade(true, "72", "72"));
        assertThat(AnswerGrader.grade("The answer is 71.", gsm8kSolution))
                .isEqualTo(new AnswerGrader.Grade(false, "71", "72"));
        assertThat(AnswerGrader.grade("0.5", mathSolution))
                .isEqualTo(new AnswerGrader.Grade(true, "0.5", "\\frac{1}{2}"));
        assertThat(AnswerGrader.grade("We get R - r = 1/2 in the end", "\\frac{1}{2}"))
                .isEqualTo(new AnswerGrader.Grade(true, "1/2", "\\frac{1}{2}"));
        assertThat(AnswerGrader.grade("(1, 2)", "\\left( 1, 2 \\right)").equivalent()).isTrue();
        assertThat(AnswerGrader.grade("no answer here", "5"))
                .isEqualTo(new AnswerGrader.Grade(false, null, "5"));
        assertThat(AnswerGrader.grade(null, null)).isEqualTo(new AnswerGrader.Grade(false, null, null));
    }

    @Test
    void gradeAgreesWithEquivalentOnBareAnswers() {
        String[][] pairs = {{"1/2", "0.5"}, {"3", "4"}, {"\\{1,2\\}", "2, 1"}, {"x^2", "x \\cdot x"}};
        for (String[] p : pairs) {
            assertThat(AnswerGrader.grade(p[0], p[1]).equivalent()).isEqualTo(AnswerGrader.equivalent(p[0], p[1]));
        }
    }

    /** Hostile or malformed answers: grading must return (false or true), never throw, never hang. */
    @ParameterizedTest
    @ValueSource(strings = {
            "10^{10^{10}}", "9^{9^{9^{9}}}", "2^{-10^{9}}", "100000!", "(10^{5})!", "3!!", "\\binom{100000}{50000}",
            "\\binom{10^{9}}{3}", "\\sqrt[1000000]{2}", "\\sqrt[0]{2}", "\\sqrt{-1}", "\\frac{1}{0}", "0^{-1}", "\\ln 0",
            "\\frac{", "}{", "\\frac{1}{", "((((((((((1", "1))))", "\\left(", "\\begin{pmatrix}", "\\begin{pmatrix} 1 & 2 \\\\ 3",
            "\\{", "\\}", "[", "]", "$", "\\", "\\\\", "^", "_", "!", "|", "||", "=", "==", "x=y=z", "\\text{", "\\sqrt",
            "\\sqrt[", "1e999999", "1E400", "99999999999999999999999999999999999999999999999999", "0.0000000000000000001",
            "\\infty - \\infty", "\\pm", "\\cup", "\\cup\\cup", "1,,2", "(,)", "\\{,\\}", "x^{x^{x^{x^{x}}}}",
            "\\sin^{-1} x", "e^{e^{e^{e}}}", "\\lfloor 2.5 \\rfloor", "\\lceil", "x_", "x_{", "2^", "^2", "ab cd ef gh ij"})
    void hostileAnswersNeverThrowOrHang(String answer) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String other : new String[] {answer, "1", "x", "(1,2)", "\\{1\\}"}) {
                AnswerGrader.equivalent(answer, other);
                AnswerGrader.equivalent(other, answer);
                AnswerGrader.grade(answer, other);
                AnswerGrader.grade("The answer is \\boxed{" + answer + "}", other);
            }
        });
    }

    @Test
    void hugeAndDeeplyNestedInputsAreCapped() {
        String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
        String deepFrac = "\\frac{".repeat(300) + "1" + "}{2}".repeat(300);
        String longSum = "1+".repeat(100_000) + "1";
        String manyItems = "1,".repeat(50_000) + "1";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(AnswerGrader.equivalent(deep, "1")).isFalse();
            assertThat(AnswerGrader.equivalent(deep, deep)).isTrue();
            AnswerGrader.equivalent(deepFrac, "0");
            AnswerGrader.equivalent(longSum, "100001");
            AnswerGrader.equivalent(manyItems, manyItems);
            AnswerGrader.grade(longSum + " words words words", longSum);
        });
    }

    @Test
    void largeIntegersCompareExactly() {
        assertThat(AnswerGrader.equivalent("12345678901234567890", "12,345,678,901,234,567,890")).isTrue();
        assertThat(AnswerGrader.equivalent("12345678901234567890", "12345678901234567891")).isFalse();
        assertThat(AnswerGrader.equivalent("\\frac{10}{4}", "\\frac{5}{2}")).isTrue();
    }
}
