package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.core.group.SampleAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path takes the lines real files are made of, and leaves the tree path everything it might word. */
class QwenEvalStreamReaderTest {

    private static QwenEvalAnswers read(String line) {
        byte[] utf8 = ("  " + line + "  ").getBytes(StandardCharsets.UTF_8);
        return QwenEvalStreamReader.read(utf8, 2, utf8.length - 4);
    }

    @Test
    void readsAPlainLineInOnePass() {
        QwenEvalAnswers answers = read("{\"idx\": 17, \"question\": \"What is 6 * 7?\", \"gt\": \"42\", \"code\": ["
                + "\"So \\\\boxed{42}.\", \"It is 41.\", \"\\\\boxed{41\"], \"pred\": [\"42\", \"41\", null],"
                + " \"score\": [true, false, false], \"extra\": {\"a\": [1, 2]}}");

        assertThat(answers).isEqualTo(new QwenEvalAnswers("17", "42", List.of(
                new SampleAnswer(0, "42", true, true),
                new SampleAnswer(1, "41", false, false),
                new SampleAnswer(2, null, false, false))));
    }

    @Test
    void integersAreWrittenAsTheTreePathWritesThem() {
        QwenEvalAnswers answers = read("{\"idx\": -0, \"gt\": 12345678901234567890, \"code\": [7],"
                + " \"pred\": [3000000000], \"score\": [true]}");
        assertThat(answers.questionId()).isEqualTo("0");
        assertThat(answers.gold()).isEqualTo("12345678901234567890");
        assertThat(answers.answers().get(0).answer()).isEqualTo("3000000000");
    }

    @Test
    void leavesToTheTreePathWhatItMustDecideOrWord() {
        String ok = "\"gt\": \"1\", \"code\": [\"a\"], \"pred\": [\"1\"], \"score\": [true]";
        for (String line : List.of(
                "{\"idx\": 1.5, " + ok + "}",
                "{\"idx\": 1, \"idx\": 2, " + ok + "}",
                "{\"idx\": \" \", " + ok + "}",
                "{\"idx\": 1, \"question\": [], " + ok + "}",
                "{\"idx\": 1, \"gt\": \"1\", \"code\": [], \"pred\": [], \"score\": []}",
                "{\"idx\": 1, \"gt\": \"1\", \"code\": [\"a\"], \"pred\": [0.5], \"score\": [true]}",
                "{\"idx\": 1, \"gt\": \"1\", \"code\": [\"a\"], \"pred\": [\"1\"], \"score\": [1]}",
                "{\"idx\": 1, \"gt\": \"1\", \"code\": [\"a\"], \"pred\": [\"1\"]}",
                "[{\"idx\": 1, " + ok + "}]",
                "\ufeff{\"idx\": 1, " + ok + "}",
                "{\"idx\": 1, " + ok)) {
            assertThat(read(line)).as(line).isNull();
        }
    }
}
