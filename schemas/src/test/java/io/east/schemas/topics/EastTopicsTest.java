package io.east.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.WeightedExample;
import org.junit.jupiter.api.Test;

class EastTopicsTest {

    @Test
    void aRunIsKeyedByItsExperimentAndTheRunWithoutOneByMain() {
        assertThat(EastTopics.recordKey(null)).isEqualTo("main").isEqualTo(EastTopics.MAIN_KEY);
        assertThat(EastTopics.recordKey("ablation-1")).isEqualTo("ablation-1");
    }

    @Test
    void anExperimentTwinIsFoundByNameWithTheRecordTypeOfItsTopic() {
        assertThat(EastTopics.byName("east.weighted.ablation-1")).hasValueSatisfying(spec -> {
            assertThat(spec.name()).isEqualTo("east.weighted.ablation-1");
            assertThat(spec.valueType()).isEqualTo(WeightedExample.class);
        });
        assertThat(EastTopics.byName("east.questions")).contains(EastTopics.QUESTIONS);
        assertThat(EastTopics.byName("east.nothing")).isEmpty();
    }

    @Test
    void anExperimentNameThatCannotBePartOfATopicNameIsRefused() {
        assertThatThrownBy(() -> EastTopics.validateExperiment("a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'a b'");
    }
}
