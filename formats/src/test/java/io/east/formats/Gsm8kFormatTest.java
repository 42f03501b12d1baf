package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class Gsm8kFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theGoldIsTheFinalAnswerLineNotTheSolution() throws Exception {
        Gsm8kProblem problem = Gsm8kFormat.parse(line("How many?", "48/2 = <<48/2=24>>24\n48+24 = 72\n#### 72"));
        assertThat(problem).isEqualTo(new Gsm8kProblem("How many?", "72"));
    }

    @Test
    void thousandsSeparatorsAreDroppedAndSignsKept() throws Exception {
        assertThat(Gsm8kFormat.parse(line("q", "steps\n#### 1,080")).gold()).isEqualTo("1080");
        assertThat(Gsm8kFormat.parse(line("q", "steps\n#### -3")).gold()).isEqualTo("-3");
        assertThat(Gsm8kFormat.parse(line("q", "steps\n####   2,000,000  ")).gold()).isEqualTo("2000000");
        // Not a thousands-separated number: kept as written.
        assertThat(Gsm8kFormat.parse(line("q", "#### 1,2")).gold()).isEqualTo("1,2");
    }

    @Test
    void theLastFinalAnswerLineWins() throws Exception {
        assertThat(Gsm8kFormat.parse(line("q", "#### 3\nno, wait\n#### 4")).gold()).isEqualTo("4");
    }

    @Test
    void linesWithoutAQuestionOrAFinalAnswerAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Gsm8kFormat.parse(line("q", "48 + 24 = 72")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("'answer' has no '#### N'");
        assertThatThrownBy(() -> Gsm8kFormat.parse(line("q", "steps\n####  \n")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("empty '####'");
        assertThatThrownBy(() -> Gsm8kFormat.parse(line(" ", "#### 1")))
                .isInstanceOf(BadLineException.class).hasMessageContaining("'question' is empty");
        ObjectNode noAnswer = MAPPER.createObjectNode().put("question", "q");
        assertThatThrownBy(() -> Gsm8kFormat.parse(noAnswer))
                .isInstanceOf(BadLineException.class).hasMessageContaining("missing field 'answer'");
    }

    private static ObjectNode line(String question, String answer) {
        return MAPPER.createObjectNode().put("question", question).put("answer", answer);
    }
}
