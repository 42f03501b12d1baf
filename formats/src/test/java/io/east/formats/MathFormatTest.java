package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MathFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsTheFieldsOfTheMathFiles() throws Exception {
        ObjectNode json = MAPPER.createObjectNode().put("problem", "Compute $1+1$.")
                .put("solution", "It is $\\boxed{2}$.").put("answer", "2").put("level", "Level 3")
                .put("type", "Algebra").put("unique_id", "test/algebra/1.json");
        assertThat(MathFormat.parse(json)).isEqualTo(new MathProblem("test/algebra/1.json", "Compute $1+1$.", "2", "3"));
    }

    @Test
    void withoutAnAnswerTheGoldIsTheLastBoxOfTheSolution() throws Exception {
        ObjectNode json = MAPPER.createObjectNode().put("problem", "p")
                .put("solution", "First $\\boxed{1}$, then $\\boxed{\\frac{1}{2}}$.");
        assertThat(MathFormat.parse(json).gold()).isEqualTo("\\frac{1}{2}");
        json.put("answer", "  ");
        assertThat(MathFormat.parse(json).gold()).isEqualTo("\\frac{1}{2}");
    }

    @Test
    void levelsOfBothSpellingsBecomeDigitsAndUnknownOnesNull() throws Exception {
        ObjectNode json = MAPPER.createObjectNode().put("problem", "p").put("answer", "1");
        assertThat(MathFormat.parse(json).level()).isNull();
        assertThat(MathFormat.parse(json.put("level", 2)).level()).isEqualTo("2");
        assertThat(MathFormat.parse(json.put("level", "Level 5")).level()).isEqualTo("5");
        assertThat(MathFormat.parse(json.put("level", "Level ?")).level()).isNull();
        assertThatThrownBy(() -> MathFormat.parse(json.put("level", "hard")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("'level' must be 'Level N' or N");
    }

    @Test
    void aProblemWithoutAnyGoldAnswerIsRefused() {
        // As train/number_theory/7115.json of MATH: an empty box.
        ObjectNode json = MAPPER.createObjectNode().put("problem", "p").put("solution", "So $\\boxed{}$.")
                .put("answer", "");
        assertThatThrownBy(() -> MathFormat.parse(json))
                .isInstanceOf(BadLineException.class).hasMessageContaining("no gold answer");
        assertThatThrownBy(() -> MathFormat.parse(MAPPER.createObjectNode().put("answer", "1")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("missing field 'problem'");
        assertThatThrownBy(() -> MathFormat.parse(MAPPER.createObjectNode().put("problem", "p").put("answer", "1")
                .put("unique_id", "")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("'unique_id' is empty");
    }
}
