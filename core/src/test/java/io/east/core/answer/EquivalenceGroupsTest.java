package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquivalenceGroupsTest {

    @Test
    void equivalentAnswersShareAGroupInOrderOfFirstAppearance() {
        List<String> answers = Arrays.asList("7", "0.5", null, "1/2", " ", "\\frac{1}{2}", "7.0", "3");

        assertThat(EquivalenceGroups.of(answers)).containsExactly(List.of(0, 6), List.of(1, 3, 5), List.of(7));
    }

    @Test
    void noAnswersMakeNoGroups() {
        assertThat(EquivalenceGroups.of(Arrays.asList(null, "", "  "))).isEmpty();
    }
}
