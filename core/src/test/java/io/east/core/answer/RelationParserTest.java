package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.core.answer.AnswerValue.Inequality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationParserTest {

    /** prediction | gold, equivalent. */
    @ParameterizedTest(name = "[{index}] {0}  ==  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            y \\geq 3                 | y >= 3
            t \\neq 1                 | t != 1
            x \\lt 3                  | x < 3
            4 > m                     | m < 4
            m < 4                     | 4 > m
            -x < 2                    | x > -2
            -x >= -1                  | x <= 1
            5 \\geq x                 | x \\leq 5
            2x + 1 > 5                | x > 2
            3 \\ne x                  | x \\ne 3
            x + y < 1                 | 2x + 2y < 2
            z \\in (1, 5]             | 1 < z \\le 5
            1 < z \\le 5              | (1, 5]
            a \\geq -2                | [-2, \\infty)
            x < 3                     | (-\\infty, 3)
            `(-793, 10)`              | -793 < a < 10
            `(0,1)`                   | 0<f(x)<1
            5 > x \\ge 1              | 1 \\le x < 5
            `x \\in [-2,7]`           | -2 \\le x \\le 7
            x \\le -1 \\text{ or } x \\ge 3           | (-\\infty,-1] \\cup [3,\\infty)
            `(3,\\infty) \\cup (-\\infty,-1)` | x < -1 or x > 3
            """)
    void equivalentRelations(String prediction, String gold) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isTrue();
    }

    /** prediction | gold, not equivalent. */
    @ParameterizedTest(name = "[{index}] {0}  !=  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            -x < 2                    | x < -2
            y > 3                     | y \\geq 3
            x \\le 4                  | x < 4
            z \\in (1, 5)             | 1 < z \\le 5
            `z \\in [1, 5]`           | 1 < z \\le 5
            x \\ge 2                  | (2, \\infty)
            x > 3                     | 3
            x < 5                     | x > 5
            x > -1                    | x < 1
            x^2 < 4                   | x < 2
            y < 3                     | x < 3
            x + y < 1                 | -x - y < -1
            `(1, 4)`                  | 1 < x < 5
            x < -1 or x > 3           | (-\\infty,-1] \\cup [3,\\infty)
            `x < -1, 3`               | (-\\infty,-1) \\cup [3,\\infty)
            """)
    void differentRelations(String prediction, String gold) {
        assertThat(AnswerGrader.equivalent(prediction, gold)).isFalse();
    }

    @Test
    void aLinearInequalityInOneVariableKnowsItsRay() {
        Inequality inequality = (Inequality) ValueParser.parse(AnswerNormalizer.normalize("-2x + 4 \\ge 0"));
        assertThat(inequality.interval().open()).isEqualTo('(');
        assertThat(inequality.interval().close()).isEqualTo(']');
        assertThat(((AnswerValue.Num) inequality.interval().items().get(1)).value()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aRelationThatIsNotUnderstoodIsText() {
        assertThat(ValueParser.parse(AnswerNormalizer.normalize("x < y < z < w"))).isInstanceOf(AnswerValue.Text.class);
        assertThat(ValueParser.parse(AnswerNormalizer.normalize("< 5"))).isInstanceOf(AnswerValue.Text.class);
    }
}
