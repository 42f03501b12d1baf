package io.east.core.answer;

import static io.east.core.answer.NormalizationAssertions.assertNormalizesTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spellings of the same answer that differ only in escaping and decoration (issue 16, notation). */
class NotationSpellingTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            \\\\frac{3}{4}                              | \\frac{3}{4}
            \\\\dfrac{7}{2}                             | \\frac{7}{2}
            \\\\sqrt{2}                                 | \\sqrt{2}
            \\\\pi/2                                    | \\pi/2
            $\\\\left(\\\\frac{1}{5},\\\\frac{1}{6}\\\\right)$ | (\\frac{1}{5},\\frac{1}{6})
            -2 \\\\le x \\\\le 7                        | `-2\\le x\\le7`
            \\\\begin{pmatrix}1 & 2\\\\end{pmatrix}     | \\begin{pmatrix}1&2\\end{pmatrix}
            \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} | \\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}
            \\begin{pmatrix}0.33\\\\0.2\\end{pmatrix}   | \\begin{pmatrix}0.33\\\\0.2\\end{pmatrix}
            \\begin{pmatrix}a\\\\b\\end{pmatrix}        | \\begin{pmatrix}a\\\\b\\end{pmatrix}
            \\begin{pmatrix}1\\\\\\begin{matrix}2\\end{matrix}\\end{pmatrix} | \\begin{pmatrix}1\\\\\\begin{matrix}2\\end{matrix}\\end{pmatrix}
            5\\                                         | 5
            `5 \\`                                      | 5
            1011_{2}                                    | 1011_2
            x_{1}+x_{2}                                 | x_1+x_2
            a_{12}                                      | a_{12}
            3:00 PM                                     | 15:0
            3:00 p.m.                                   | 15:0
            `3:00 \\text{ p.m.}`                      | 15:0
            12:15 a.m.                                  | 0:15
            12:30 PM                                    | 12:30
            10:30 \\text{ a.m.}                       | 10:30
            09:30                                       | 9:30
            2:45pm                                      | 14:45
            `3:00 PMT`                                  | `3:0PMT`
            """)
    void normalizesEscapingAndSubscripts(String input, String expected) {
        assertNormalizesTo(input, expected);
    }

    /** prediction | gold | equivalent. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            \\\\frac{3}{4}                  | \\frac{3}{4}                                 | true
            \\\\frac{3}{5}                  | \\frac{3}{4}                                 | false
            \\\\dfrac{7}{2}                 | 3.5                                          | true
            \\\\pi/2                        | \\frac{\\pi}{2}                              | true
            \\left( \\frac{1}{5}, \\frac{1}{6} \\right) | $\\\\left(\\\\frac{1}{5},\\\\frac{1}{6}\\\\right)$ | true
            \\tfrac{1}{2} +\\! \\frac1{72}  | \\\\dfrac{1}{2} +\\frac{1}{72}               | true
            5\\                             | 5                                            | true
            12\\                            | 13                                           | false
            1011_2                          | 1011_{2}                                     | true
            1011_2                          | 1101_2                                       | false
            3:00 PM                         | 15:00                                        | true
            3:00 AM                         | 3:00 PM                                      | false
            10:30 \\text{ a.m.}           | 10:30                                        | true
            10:30                           | 11:30                                        | false
            """)
    void gradesSpellings(String prediction, String gold, boolean equivalent) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isEqualTo(equivalent);
    }
}
