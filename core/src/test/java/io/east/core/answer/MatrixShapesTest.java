package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matrices written as arrays, inside delimiters, or as nested lists (issue 16, matrices). */
class MatrixShapesTest {

    private static final String PMATRIX = "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}";

    /** prediction | gold | equivalent; {@code P} stands for the pmatrix 1 2 / 3 4. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            P                                                           | `[[1, 2], [3, 4]]` | true
            `[[1, 2], [3, 4]]`                                          | P                 | true
            `[[1, 3], [2, 4]]`                                          | P                 | false
            `[[1, 2, 3], [4]]`                                          | P                 | false
            `((1, 2), (3, 4))`                                          | P                 | false
            \\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right] | P               | true
            \\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}             | P                 | true
            \\left[\\begin{array}{cc} 1 & 2 \\\\ 4 & 3 \\end{array}\\right] | P               | false
            (\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix})          | P                 | true
            P                                                           | (\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}) | true
            \\begin{pmatrix}1\\\\2\\end{pmatrix}+\\begin{pmatrix}1\\\\2\\end{pmatrix} | \\begin{pmatrix}1\\\\2\\end{pmatrix} | false
            """)
    void gradesMatrixShapes(String prediction, String gold, boolean equivalent) {
        assertThat(AnswerGrader.equivalent(expand(prediction), expand(gold))).isEqualTo(equivalent);
    }

    private static String expand(String answer) {
        return answer.equals("P") ? PMATRIX : answer;
    }
}
