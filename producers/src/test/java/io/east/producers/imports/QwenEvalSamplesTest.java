package io.east.producers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.formats.QwenEvalQuestion;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QwenEvalSamplesTest {

    private static final Instant AT = Instant.parse("2025-02-03T04:05:06Z");

    @Test
    void oneSamplePerResponseWithThePipelinesVerdictsAsGiven() {
        QwenEvalQuestion line = new QwenEvalQuestion("17", "What is 6 * 7?", "42",
                List.of("So \\boxed{42}.", "It is 41.", "no idea"),
                Arrays.asList("42", "41", null),
                // The pipeline's score is kept even where a re-grade would disagree.
                List.of(true, true, false));

        List<ReasoningSample> samples = QwenEvalSamples.of(line, "gsm8k-qwen", 2, AT);

        assertThat(samples).hasSize(3);
        assertThat(samples).extracting(ReasoningSample::getSampleIndex).containsExactly(0, 1, 2);
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.getTaskId()).isEqualTo("gsm8k-qwen/17@r2");
            assertThat(sample.getQuestionId()).isEqualTo("17");
            assertThat(sample.getDataset()).isEqualTo("gsm8k-qwen");
            assertThat(sample.getRound()).isEqualTo(2);
            assertThat(sample.getN()).isEqualTo(3);
            assertThat(sample.getQuestion()).isEqualTo("What is 6 * 7?");
            assertThat(sample.getGoldAnswer()).isEqualTo("42");
            assertThat(sample.getPolicyVersion()).isZero();
            assertThat(sample.getGenerator()).isEqualTo("import:qwen-eval");
            assertThat(sample.getCreatedAt()).isEqualTo(AT);
            assertThat(sample.getTokenCount()).isZero();
            assertThat(sample.getMeanLogprob()).isNull();
        });
        assertThat(samples).extracting(ReasoningSample::getResponse)
                .containsExactly("So \\boxed{42}.", "It is 41.", "no idea");
        assertThat(samples).extracting(ReasoningSample::getPredictedAnswer).containsExactly("42", "41", null);
        assertThat(samples).extracting(ReasoningSample::getCorrect).containsExactly(true, true, false);
        assertThat(samples).extracting(ReasoningSample::getContainsBoxed).containsExactly(true, false, false);
    }
}
