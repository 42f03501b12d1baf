package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rounded decimal against an exact value (the corpus README's policy, east-0106..0118). */
class RoundedDecimalsTest {

    /** prediction | gold | equivalent. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            6.283                    | 2\\pi                           | true
            6.28                     | 2\\pi                           | true
            6.3                      | 2\\pi                           | false
            6.284                    | 2\\pi                           | false
            1.414                    | \\sqrt{2}                       | true
            1.41                     | \\sqrt2                         | true
            1.4                      | \\sqrt2                         | false
            0.333                    | \\frac{1}{3}                    | true
            0.3333                   | \\frac{1}{3}                    | true
            0.33                     | \\frac13                        | false
            0.334                    | \\frac13                        | false
            -0.333                   | -\\frac{1}{3}                   | true
            0.667                    | \\frac{2}{3}                    | true
            0.666                    | \\frac{2}{3}                    | false
            3.14                     | \\pi                            | true
            3.1416                   | \\pi                            | true
            3                        | \\pi                            | false
            0.866                    | \\frac{\\sqrt{3}}{2}            | true
            3.14                     | 3.1416                          | false
            3.14                     | 3.14159                         | false
            \\pi                     | 3.14                            | false
            3.001                    | 3                               | false
            (0.6,2.6667]             | (\\frac{3}{5},\\frac{8}{3}]     | true
            (0.6,2.6666]             | (\\frac{3}{5},\\frac{8}{3}]     | false
            """)
    void gradesRoundedDecimals(String prediction, String gold, boolean equivalent) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isEqualTo(equivalent);
    }
}
