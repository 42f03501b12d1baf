package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.model.train.LossKind;
import io.east.schemas.WeightedExample;
import org.junit.jupiter.api.Test;

class ExampleConversionTest {

    @Test
    void thePromptGoesThroughTheGeneratorsTemplate() {
        ExampleConversion c = ExampleConversion.convert(TestExamples.example("t-1", 1.25, 0), LossKind.DPO,
                q -> "Question: " + q + "\nAnswer:");
        assertThat(c.ok()).isTrue();
        assertThat(c.example().prompt()).startsWith("Question: Q: ").endsWith("\nAnswer:");
        assertThat(c.example().rejected()).isNotNull();
        assertThat(c.example().weight()).isEqualTo(1.25);
    }

    @Test
    void sftDropsTheRejectedResponse() {
        ExampleConversion c = ExampleConversion.convert(TestExamples.example("t-1", 1, 0), LossKind.SFT, q -> q);
        assertThat(c.example().rejected()).isNull();
    }

    @Test
    void pairedLossesNeedARejectedResponse() {
        WeightedExample unpaired = WeightedExample.newBuilder(TestExamples.example("t-1", 1, 0)).setRejected(null).build();
        for (LossKind loss : new LossKind[] {LossKind.DPO, LossKind.KTO}) {
            ExampleConversion c = ExampleConversion.convert(unpaired, loss, q -> q);
            assertThat(c.ok()).isFalse();
            assertThat(c.reason()).isEqualTo(SkipReason.MISSING_REJECTED);
        }
        assertThat(ExampleConversion.convert(unpaired, LossKind.SFT, q -> q).ok()).isTrue();
    }

    @Test
    void unusableWeightsAndTaskIdsAreInvalid() {
        WeightedExample nan = WeightedExample.newBuilder(TestExamples.example("t-1", 1, 0)).setWeight(Double.NaN).build();
        WeightedExample empty = WeightedExample.newBuilder(TestExamples.example("t-1", 1, 0)).setTaskId("").build();
        assertThat(ExampleConversion.convert(nan, LossKind.SFT, q -> q).reason()).isEqualTo(SkipReason.INVALID);
        assertThat(ExampleConversion.convert(empty, LossKind.SFT, q -> q).reason()).isEqualTo(SkipReason.INVALID);
    }
}
