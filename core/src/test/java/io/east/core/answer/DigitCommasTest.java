package io.east.core.answer;

import static io.east.core.answer.NormalizationAssertions.assertNormalizesTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thousands separators, decimal commas and lists of numbers (the corpus README's policy). */
class DigitCommasTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            3,500           | 3500
            7,425,000       | 7425000
            70,110          | 70110
            -1,234.50       | -1234.5
            0,25            | 0.25
            1000,99         | 1000,99
            1,22            | 1,22
            0,5             | 0.5
            `21,16, 11`     | `21, 16, 11`
            `1,000, 2,000`  | `1000, 2000`
            `32,\\! 349`  | 32349
            85,\\!184     | 85184
            `12 \\text{ and } 13` | `12, 13`
            0,111           | 0.111
            3,5             | 3,5
            `7, 123`        | `7, 123`
            `7 , 123`       | `7, 123`
            `1, 234, 567`   | `1, 234, 567`
            1,2,3           | `1, 2, 3`
            1234,567        | `1234, 567`
            `1, 2.5`        | `1, 2.5`
            (1, 234)        | (1,234)
            \\{7, 123\\}    | \\{7,123\\}
            `x, 123`        | `x,123`
            12 and 13       | `12, 13`
            """)
    void rewritesCommasBetweenDigits(String input, String expected) {
        assertNormalizesTo(input, expected);
    }

    /** prediction | gold | equivalent. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            3,5             | 3.5        | true
            3.5             | 3,5        | true
            -3,5            | -3.5       | true
            3,5             | 35         | false
            0,25            | 0.25       | true
            1000,99         | 1000.99    | true
            1.22            | 1,22       | true
            0.111           | 0,111      | true
            3,500           | 3500       | true
            7,123           | 7123       | true
            \\boxed{7, 123} | 7123       | false
            `1, 234`        | 1234       | false
            `32, 349`       | 32349      | false
            \\boxed{7, 123} | `7, 123`   | true
            `123, 7`        | `7, 123`   | true
            1,2             | `1, 2`     | true
            `2, 1`          | 1,2        | true
            `12, 13`        | 12.13      | false
            21,16           | `21, 16`   | true
            21.16           | `21, 16`   | false
            `21,16,11`      | `21,16 or 11` | true
            `32,\\! 349`  | 32349      | true
            `12 and 13`     | `12\\text{ and }13` | true
            """)
    void gradesCommasBetweenDigits(String prediction, String gold, boolean equivalent) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isEqualTo(equivalent);
    }
}
