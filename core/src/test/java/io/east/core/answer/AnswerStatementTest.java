package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerStatementTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The final answer is $3,456$. I hope it is correct.  | 3,456
            Answer: 42                                         | 42
            Answer $ 9 $                                       | 9
            Answer \\[ 9 \\]                                   | 9
            Answer $$ 9 $$                                     | 9
            Answer \\( (9+1) \\)                               | (9+1)
            **Answer** \\( 9 \\)                               | 9
            所以答案是 $\\frac{3}{4}$。                          | \\frac{3}{4}
            因此，最终答案为 12。                                | 12
            答案：5                                             | 5
            答案是 8，而不是 6。                                 | 8
            Ответ: 7                                           | 7
            La réponse est $\\frac{1}{2}$.                      | \\frac{1}{2}
            Die Antwort ist 42.                                | 42
            La respuesta es 15.                                | 15
            A resposta é 3.                                    | 3
            The answer is Monday.                              | Monday
            """)
    void readsTheAnswerAfterTheLastMarker(String text, String expected) {
        assertThat(AnswerStatement.last(text).answer()).isEqualTo(expected);
        assertThat(AnswerExtractor.extractOrBare(text)).as("what the extractor reports").contains(expected);
    }

    @Test
    void anAnswerIsExplicitWhenMathOrANumberFollowsTheMarker() {
        assertThat(AnswerStatement.last("The answer is $5$").explicit()).isTrue();
        assertThat(AnswerStatement.last("The answer is 5 apples").explicit()).isTrue();
        assertThat(AnswerStatement.last("whether the answer is correct, we check 5").explicit()).isFalse();
        assertThat(AnswerStatement.last("Note the answer is not 6").explicit()).isFalse();
    }

    @Test
    void theWordAnswerNeedsMathAfterItAtTheStartOfALine() {
        assertThat(AnswerStatement.present("Answer $9$")).isTrue();
        assertThat(AnswerStatement.present("We answer $x$ first")).isFalse();
        assertThat(AnswerStatement.present("no marker here")).isFalse();
    }

    @Test
    void inlineMathBrokenByALineBreakGivesNoAnswer() {
        AnswerStatement.Found found = AnswerStatement.last("Answer $ \n 9 \n $");
        assertThat(found.answer()).isNull();
        assertThat(found.explicit()).isFalse();
    }

    @Test
    void theMarkerPositionIsKept() {
        String text = "\\boxed{12} here. The final answer is 3.";
        assertThat(AnswerStatement.last(text).markerStart()).isEqualTo(text.indexOf("answer is"));
    }

    @Test
    void onlyKeywordsThatFormAMarkerCount() {
        String text = "Answer: 3. " + "We answer questions; the answers vary. ".repeat(2_000) + "Antworten gibt es viele.";
        AnswerStatement.Found found = AnswerStatement.last(text);
        assertThat(found.markerStart()).isZero();
        assertThat(found.answer()).isEqualTo("3");
        assertThat(AnswerStatement.last("answers and answering")).isNull();
    }
}
