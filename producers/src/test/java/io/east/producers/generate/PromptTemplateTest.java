package io.east.producers.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void fillsEveryPlaceholderAndLeavesLatexAlone() {
        PromptTemplate template = new PromptTemplate("Solve: {question}\nPut the answer in \\boxed{}. ({question})");
        assertThat(template.fill("1+1?")).isEqualTo("Solve: 1+1?\nPut the answer in \\boxed{}. (1+1?)");
        assertThat(PromptTemplate.DEFAULT.fill("What is 2+2?"))
                .isEqualTo("Question: What is 2+2?\nAnswer: Let's think step by step.");
    }

    @Test
    void aTemplateWithoutThePlaceholderIsRefused() {
        assertThatThrownBy(() -> new PromptTemplate("Question: {q}")).hasMessageContaining("{question}");
        assertThatThrownBy(() -> new PromptTemplate(null)).hasMessageContaining("{question}");
    }

    @Test
    void samplingParamsAreChecked() {
        assertThat(SamplingParams.defaults().stop()).containsExactly("\nQuestion:");
        assertThatThrownBy(() -> new SamplingParams(-0.1, 1, 10, List.of())).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SamplingParams(1, 0, 10, List.of())).hasMessageContaining("top-p");
        assertThatThrownBy(() -> new SamplingParams(1, 1.5, 10, List.of())).hasMessageContaining("top-p");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 0, List.of())).hasMessageContaining("max new tokens");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 1, List.of(""))).hasMessageContaining("stop");
    }
}
