package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoxGroupsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The roots are \\boxed{2} and \\boxed{7}.                                  | 2, 7
            \\boxed{7} and \\boxed{2}                                                 | 7, 2
            $x=\\boxed{-3}$ or $x=\\boxed{3}$                                          | -3, 3
            $\\boxed{1}\\boxed{2}$                                                    | 1, 2
            \\boxed{1},\\boxed{2},\\boxed{3}                                          | 1, 2, 3
            \\boxed{1} and \\boxed{2} and \\boxed{3}                                  | 1, 2, 3
            $$\\boxed{(2, 2)} \\quad \\text{and} \\quad \\boxed{(6, 2)}$$             | (2, 2), (6, 2)
            $$\\boxed{(3, 3)} \\text{ for part (a) and } \\boxed{(1, 1)}$$            | (3, 3), (1, 1)
            \\(\\boxed{1}\\) and \\(\\boxed{-2}\\).                                   | 1, -2
            \\boxed{1} papers and \\boxed{2} bins                                     | 1, 2
            \\($y_1 = \\boxed{a} \\) and \\( y_2 = \\boxed{b} \\)                     | a, b
            \\[ \\boxed{-2} \\quad \\text{and} \\quad \\boxed{1}. \\]                 | -2, 1
            \\\\boxed{1} \\\\quad \\\\text{and} \\\\quad \\\\boxed{2}                  | 1, 2
            答案是 \\boxed{1} 和 \\boxed{2}。                                          | 1, 2
            """)
    void boxesJoinedBySeparatorsAreOneListAnswer(String text, String expected) {
        assertThat(BoxGroups.last(text).answer()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            At first I got \\boxed{5}, but rechecking the sum the answer is \\boxed{6}.   | 6
            First \\boxed{3}, then corrected: \\boxed{4}.                                 | 4
            We get \\boxed{5}. So the total is \\boxed{6}.                                | 6
            \\boxed{5}\\n\\nThe corrected value: \\boxed{6}                                | 6
            \\boxed{5} but \\boxed{6}                                                    | 6
            \\boxed{12} + 3 = \\boxed{15}                                                | 15
            \\boxed{2} \\cdot \\boxed{3}                                                  | 3
            $\\boxed{\\frac{25}{13}} = \\boxed{1\\frac{12}{13}}$                             | 1\\frac{12}{13}
            \\boxed{1} apples and oranges \\boxed{2}                                      | 2
            \\boxed{1} 但是 \\boxed{2}                                                    | 2
            nested \\boxed{\\boxed{8}}                                                    | 8
            \\boxed{3} and later an unfinished \\boxed{4                                  | 3
            """)
    void aBoxAfterASentenceEndOrAWordOfRevisionStandsAlone(String text, String expected) {
        assertThat(BoxGroups.last(text.replace("\\n", "\n")).answer()).isEqualTo(expected);
    }

    @Test
    void emptyBoxesAddNothing() {
        assertThat(BoxGroups.last("\\boxed{} and \\boxed{}")).isNull();
        assertThat(BoxGroups.last("\\boxed{3} and \\boxed{ }").answer()).isEqualTo("3");
    }

    @Test
    void theGroupSpansItsBoxes() {
        String text = "So $\\boxed{1}$ and $\\boxed{2}$. Done";
        BoxGroups.Group group = BoxGroups.last(text);
        assertThat(text.substring(group.start(), group.end())).isEqualTo("\\boxed{1}$ and $\\boxed{2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no box", "\\boxed{", "\\boxedx{1}"})
    void noGroupWithoutABalancedBox(String text) {
        assertThat(BoxGroups.last(text)).isNull();
    }

    @Test
    void aLongGapSeparates() {
        String gap = " and " + "\\quad ".repeat(BoxGap.MAX_LENGTH / 6 + 1);
        assertThat(BoxGap.joins(gap)).isFalse();
        assertThat(BoxGap.joins(" and ")).isTrue();
    }
}
