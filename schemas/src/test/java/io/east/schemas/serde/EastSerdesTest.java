package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.Histogram;
import io.east.schemas.QuestionTask;
import io.east.schemas.topics.EastTopics;
import io.east.schemas.topics.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EastSerdesTest {

    @Test
    void everyTopicValueTypeHasASerde() {
        Set<Class<?>> topicTypes = EastTopics.ALL.stream().map(TopicSpec::valueType).collect(Collectors.toSet());

        assertThat(EastSerdes.ALL_TYPES).hasSize(9).doesNotHaveDuplicates();
        assertThat(Set.copyOf(EastSerdes.ALL_TYPES)).isEqualTo(topicTypes);
        for (TopicSpec topic : EastTopics.ALL) {
            assertThat(EastSerdes.forTopic(topic).type()).isEqualTo(topic.valueType());
        }
    }

    @Test
    void namedAccessorsServeTheirTypeFromOneSharedInstance() {
        assertThat(List.of(EastSerdes.questionTask(), EastSerdes.reasoningSample(), EastSerdes.groupSummary(),
                        EastSerdes.weightedExample(), EastSerdes.weightStats(), EastSerdes.modelVersion(),
                        EastSerdes.trainMetrics(), EastSerdes.evalResult(), EastSerdes.deadLetter())
                .stream().map(AvroSerde::type).toList())
                .isEqualTo(EastSerdes.ALL_TYPES);
        assertThat(EastSerdes.questionTask()).isSameAs(EastSerdes.forType(QuestionTask.class));
        assertThat(EastSerdes.forTopic(EastTopics.QUESTIONS.forExperiment("x"))).isSameAs(EastSerdes.questionTask());
    }

    @Test
    void nestedRecordsCanHaveASerdeToo() {
        Histogram histogram = Histogram.newBuilder().setLower(0).setUpper(1).setCounts(List.of(1, 2)).build();
        AvroSerde<Histogram> serde = EastSerdes.forType(Histogram.class);

        assertThat(serde.deserialize(serde.serialize(histogram))).isEqualTo(histogram);
    }

    @Test
    void topicsWithoutAvroValuesAreRefused() {
        TopicSpec plain = new TopicSpec("plain", 1, Map.of(), String.class);

        assertThatThrownBy(() -> EastSerdes.forTopic(plain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
