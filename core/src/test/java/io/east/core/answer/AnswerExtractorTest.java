package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerExtractorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            So the answer is $\\boxed{5}$.                                  | 5
            $\\boxed{\\frac{1}{2}}$                                          | \\frac{1}{2}
            First \\boxed{3}, then corrected: \\boxed{4}.                    | 4
            \\fbox{7}                                                        | 7
            The result is \\boxed{\\{1,2\\}}                                 | \\{1,2\\}
            \\boxed{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}}                | \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}
            Hence $\\boxed 5$.                                               | 5
            \\boxed{ 12 }                                                   | ` 12 `
            \\boxed{3} and later an unfinished \\boxed{4                     | 3
            nested \\boxed{\\boxed{8}}                                       | 8
            \\boxed{\\text{(C)}}                                             | \\text{(C)}
            """)
    void lastBoxedTakesTheLastBalancedBox(String text, String expected) {
        assertThat(AnswerExtractor.lastBoxed(text)).contains(expected);
        assertThat(AnswerExtractor.containsBoxed(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no box here", "\\boxed{unbalanced", "\\boxedx{3}", "\\boxed", "#### 5"})
    void lastBoxedIsEmptyWithoutABalancedBox(String text) {
        assertThat(AnswerExtractor.lastBoxed(text)).isEmpty();
        assertThat(AnswerExtractor.containsBoxed(text)).isFalse();
    }

    @Test
    void emptyBoxIsFoundButSkippedByExtract() {
        assertThat(AnswerExtractor.lastBoxed("x \\boxed{} y")).contains("");
        assertThat(AnswerExtractor.extract("I got 7 but wrote \\boxed{}")).contains("7");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Natalia sold 48/2 = <<48/2=24>>24 clips in May.\\n#### 72         | 72
            step\\n#### 1,080                                              | 1,080
            #### -3                                                        | -3
            The box wins: \\boxed{9}\\n#### 8                                | 9
            The roots are \\boxed{2} and \\boxed{7}.                      | 2, 7
            At first I got \\boxed{5}, but rechecking the answer is \\boxed{6}. | 6
            So the answer is 42.                                           | 42
            The final answer is $\\frac{1}{2}$. I hope it is correct.      | \\frac{1}{2}
            Final Answer: The final answer is $(1, 2)$. I hope it is correct. | (1, 2)
            THE ANSWER IS: 7                                               | 7
            Answer: 42                                                     | 42
           **Final Answer:** $x = 3$                                      | x = 3
            The answer is **18**.                                          | 18
            Therefore the answer is 18 apples because she buys more.       | 18
            the answer is 3.5 hours.                                       | 3.5 hours
            The answer is x = 5, and more                                  | x = 5
            The answer is Monday.                                          | Monday
            We add 3 and 4 to get 7.                                       | 7
            It costs $1,000.                                               | 1,000
            The temperature dropped to -5 degrees.                         | -5
            A ratio of 3/4 remains.                                        | 3/4
            pages 3-4                                                      | 4
            """)
    void extractFollowsThePriorityOrder(String response, String expected) {
        assertThat(AnswerExtractor.extract(response.replace("\\n", "\n"))).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            We first get \\boxed{12} for the subtotal. The final answer is $3,456$.      | 3,456
            So \\boxed{255}. Final Answer: The final answer is $10,455$. I hope it is correct. | 10,455
            \\boxed{12}. The answer is 5 apples.                                         | 5 apples
            The final answer is $\\boxed{5}$.                                             | 5
            The answer is 4. Rechecking, we get \\boxed{5}.                               | 5
            \\boxed{7}. To check whether the answer is correct, plug in 7.               | 7
            \\boxed{5}. Note that the answer is not 6.                                    | 5
            """)
    void aLaterExplicitAnswerStatementWinsOverABox(String response, String expected) {
        assertThat(AnswerExtractor.extract(response)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            so the point is $(4, 9)$.                                     | (4, 9)
            Thus the area is $12\\sqrt{3}$ square units.                  | 12\\sqrt{3}
            The length is $AB = 2\\sqrt{5}$.                              | AB = 2\\sqrt{5}
            Therefore $x \\geq 5$ is the solution.                        | x \\geq 5
            The vector is \\(\\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix}\\).   | \\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix}
            Since $x = 3$, the total is 15.                               | 15
            Hence 5 is the value of $x$.                                  | 5
            It costs $10,200 + $255 = $10,455.                            | 10,455
            Soucis : 2,74 $ a..                                           | 2,74
            It weighs 1000,99 grams                                       | 1000,99
            the numbers 1,2,3                                             | 3
            因此 x 的值为 $-2$。                                            | -2
            """)
    void withoutMarkersTheLastMathSegmentAfterTheLastNumberIsTheAnswer(String response, String expected) {
        assertThat(AnswerExtractor.extract(response)).contains(expected);
        assertThat(AnswerExtractor.extractOrBare(response)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Answer $ \n 9 \n $", "Answer \\( \n 9 \n \\)"})
    void inlineMathSpanningALineBreakGivesNoAnswer(String text) {
        assertThat(AnswerExtractor.extractOrBare(text.replace("\\n", "\n"))).isEmpty();
    }

    @Test
    void doubledBackslashesStillFindTheBox() {
        assertThat(AnswerExtractor.extract("So \\\\boxed{\\\\frac{3}{4}}.")).contains("\\\\frac{3}{4}");
        assertThat(AnswerExtractor.extractOrBare("\\\\boxed{1} \\\\quad \\\\text{and} \\\\quad \\\\boxed{2}"))
                .contains("1, 2");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "no numbers at all", "The answer is"})
    void extractIsEmptyWhenNothingIsFound(String response) {
        assertThat(AnswerExtractor.extract(response)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1/2                                  | 1/2
            \\frac{1}{2}                         | \\frac{1}{2}
            (1, 2)                               | (1, 2)
            x^2+1                                | x^2+1
            \\text{Monday}                       | \\text{Monday}
            Monday                               | Monday
            5 \\text{ cm}                        | 5 \\text{ cm}
            18 apples                            | 18 apples
            12 square units                      | 12 square units
            2xy + 3xz                            | 2xy + 3xz
            \\sin x + \\cos x                     | \\sin x + \\cos x
            ` -3 `                               | -3
            Natalia sold 72 clips in total       | 72
            He has 5 apples and 3 pears left     | 3
            The total is $\\boxed{12}$.          | 12
            \\boxed{2} and \\boxed{7}            | 2, 7
            so\\n#### 1,234                      | 1,234
            I think the answer is 6.             | 6
            """)
    void extractOrBareKeepsBareAnswersWhole(String text, String expected) {
        assertThat(AnswerExtractor.extractOrBare(text.replace("\\n", "\n"))).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "no digits and several words"})
    void extractOrBareIsEmptyWhenNothingIsFound(String text) {
        assertThat(AnswerExtractor.extractOrBare(text)).isEmpty();
    }

    @Test
    void looksBareRejectsProse() {
        assertThat(AnswerExtractor.looksBare("\\frac{\\sqrt{3}}{2}")).isTrue();
        assertThat(AnswerExtractor.looksBare("5 dollars")).isTrue();
        assertThat(AnswerExtractor.looksBare("She sold 5 clips")).isFalse();
        assertThat(AnswerExtractor.looksBare("first line\nsecond line")).isFalse();
        assertThat(AnswerExtractor.looksBare("所以答案是 $\\frac{3}{4}$。")).isFalse();
        assertThat(AnswerExtractor.looksBare("因此 x 的值为 $-2$")).isFalse();
        assertThat(AnswerExtractor.looksBare("La réponse est 2")).isFalse();
        assertThat(AnswerExtractor.looksBare("Soucis : 2,74 $ a..")).isFalse();
        assertThat(AnswerExtractor.looksBare("星期一")).isTrue();
        assertThat(AnswerExtractor.looksBare("2\\pi = 2π")).isTrue();
        assertThat(AnswerExtractor.looksBare("\\$18.90")).isTrue();
    }

    @Test
    void adversarialResponsesAreHandledQuickly() {
        String manyOpenBoxes = "\\boxed{".repeat(200_000);
        String deepBraces = "\\boxed{" + "{".repeat(40_000) + "1" + "}".repeat(40_000) + "}";
        String manyDigits = "1,".repeat(300_000);
        String longProse = "We try $x = 3$ and \\(y\\) and costs $5 and 1,5 then 2. ".repeat(2_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(AnswerExtractor.extract(manyOpenBoxes)).isEmpty();
            assertThat(AnswerExtractor.lastBoxed(deepBraces)).isPresent();
            assertThat(AnswerExtractor.extract(manyDigits)).contains("1");
            assertThat(AnswerExtractor.extractOrBare(manyOpenBoxes)).isEmpty();
            assertThat(AnswerExtractor.extractOrBare(longProse)).contains("2");
        });
    }
}
