package io.east.core.answer;

import static io.east.core.answer.NormalizationAssertions.assertNormalizesTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sets and lists written with bare braces, semicolons, "or" and repeated items (issue 16, sets). */
class ListSeparatorsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {a+1, a}               | `a+1,a`
            $${2, 3, 5}$$          | `2, 3, 5`
            {}                     | {}
            {1}{2}                 | {1}{2}
            (11,7)or(7,11)         | (11,7),(7,11)
            (1,2) and (3,4)        | (1,2),(3,4)
            `3; 5`                 | 3;5
            """)
    void normalizesSeparators(String input, String expected) {
        assertNormalizesTo(input, expected);
    }

    /** prediction | gold | equivalent. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{a+1, a}`                     | `\\{a, a+1\\}`                | true
            `{a+2, a}`                     | `\\{a, a+1\\}`                | false
            {1,3}                          | (1,3)                         | true
            {3,1}                          | (1,3)                         | false
            `{-2021, 2021}`                | \\pm 2021                     | true
            \\pm 6                         | `\\{-6, 6\\}`                 | true
            \\pm 6                         | 6                             | false
            `3, 5`                         | `3; 5`                        | true
            `5, 3`                         | `3; 5`                        | true
            3                              | `3; 5`                        | false
            `\\{-12, -11, -10, -8, -7, -6\\}` | -12;-11;-10;-8;-7;-6      | true
            `\\{-12, -11, -10, -8, -7\\}`  | -12;-11;-10;-8;-7;-6          | false
            `(0, -2, 0)`                   | (0;-2;0)                      | true
            `(-2, 0, 0)`                   | (0;-2;0)                      | false
            `(7,11), (11,7)`               | (11,7)or(7,11)                | true
            `(7,11)`                       | (11,7)or(7,11)                | false
            `2, -2`                        | -2 or 2                       | true
            2                              | 2 or -2                       | false
            `(1,2), (3,4), (1,2)`          | `(3,4), (1,2)`                | true
            `(1,2), (1,2)`                 | `(3,4), (1,2)`                | false
            `(1,2), (3,4)`                 | `(1,2), (1,2)`                | false
            `10, 4, -2`                    | `4, 10, -2`                   | true
            `(5,2),(7,2)`                  | `5,2;7,2`                     | true
            `(5,2),(7,2)`                  | `2,5;7,2`                     | false
            `(5,2),(2,7)`                  | `5,2;7,2`                     | false
            """)
    void gradesSeparators(String prediction, String gold, boolean equivalent) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isEqualTo(equivalent);
    }
}
