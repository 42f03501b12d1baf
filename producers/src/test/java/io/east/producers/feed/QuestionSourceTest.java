package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.producers.synthetic.SyntheticDataset;
import org.junit.jupiter.api.Test;

class QuestionSourceTest {

    private static final DatasetSpec SYNTHETIC = DatasetSpec.parse("synthetic:1");

    @Test
    void theSyntheticDatasetHasADefaultSizePerSplitGrownToTheLimit() throws Exception {
        assertThat(new QuestionSource(SYNTHETIC, null, null, null).load().questions())
                .hasSize(SyntheticDataset.TRAIN_SIZE);
        assertThat(new QuestionSource(SYNTHETIC, "test", null, null).load().questions())
                .hasSize(SyntheticDataset.TEST_SIZE);
        assertThat(new QuestionSource(SYNTHETIC, "test", null, 1500).syntheticSize()).isEqualTo(1500);
        assertThat(new QuestionSource(SYNTHETIC, "test", null, 10).load().questions()).hasSize(10);
    }

    @Test
    void theLimitIsTakenAfterTheShuffle() throws Exception {
        var all = new QuestionSource(SYNTHETIC, "train", 5L, null).load().questions();
        var limited = new QuestionSource(SYNTHETIC, "train", 5L, 20).load().questions();
        assertThat(limited).isEqualTo(all.subList(0, 20));
        assertThat(limited.get(0).questionId()).isNotEqualTo("s1-train-0");
    }

    @Test
    void badSelectionsAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> new QuestionSource(SYNTHETIC, "dev", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train or test");
        assertThatThrownBy(() -> new QuestionSource(SYNTHETIC, null, null, 0))
                .hasMessageContaining("--limit must be >= 1");
        QuestionSource missing = new QuestionSource(DatasetSpec.parse("gsm8k:/no/such/file.jsonl"), null, null, null);
        assertThatThrownBy(missing::check).hasMessageContaining("no such file: /no/such/file.jsonl");
    }
}
