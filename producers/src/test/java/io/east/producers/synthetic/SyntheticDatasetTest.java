package io.east.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.answer.AnswerExtractor;
import io.east.core.answer.AnswerGrader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticDatasetTest {

    private static final Pattern STEP = Pattern.compile("(\\d+) ([-+*]) (\\d+) = (\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @Test
    void theSameSeedGivesTheSameProblemsAndAnotherSeedOthers() {
        assertThat(new SyntheticDataset(7).split("train", 300)).isEqualTo(new SyntheticDataset(7).split("train", 300));
        assertThat(new SyntheticDataset(7).split("test", 300)).isEqualTo(new SyntheticDataset(7).split("test", 300));
        assertThat(questions(new SyntheticDataset(8).split("train", 300)))
                .isNotEqualTo(questions(new SyntheticDataset(7).split("train", 300)));
    }

    /** Pinned so that a change of the generator (which changes every experiment's data) is a conscious one. */
    @Test
    void theFirstProblemsOfSeedZeroArePinned() {
        List<SyntheticProblem> train = new SyntheticDataset(0).split(Split.TRAIN, 4);
        assertThat(train.get(0).id()).isEqualTo("s0-train-0");
        assertThat(train.get(0).question()).isEqualTo("Eva has 7 shells. She gets 5 more. How many shells does Eva have?");
        assertThat(train.get(0).solution()).isEqualTo("7 + 5 = 12\n#### 12");
        assertThat(train.get(3).question()).isEqualTo("Zoe buys 2 packs of 13 shells. She loses 14. Then she gets "
                + "51 more. How many shells does Zoe have?");
        assertThat(train.get(3).solution()).isEqualTo("2 * 13 = 26\n26 - 14 = 12\n12 + 51 = 63\n#### 63");
    }

    @Test
    void aShorterListIsAPrefixOfALongerOne() {
        SyntheticDataset dataset = new SyntheticDataset(3);
        assertThat(dataset.split(Split.TEST, 50)).isEqualTo(dataset.split(Split.TEST, 200).subList(0, 50));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -5})
    void trainAndTestShareNoQuestion(long seed) {
        SyntheticDataset dataset = new SyntheticDataset(seed);
        List<SyntheticProblem> train = dataset.split(Split.TRAIN, SyntheticDataset.TRAIN_SIZE);
        List<SyntheticProblem> test = dataset.split(Split.TEST, SyntheticDataset.TEST_SIZE);
        assertThat(questions(train)).doesNotContainAnyElementsOf(questions(test));
        assertThat(Set.copyOf(questions(train))).hasSize(train.size());
        assertThat(Set.copyOf(questions(test))).hasSize(test.size());
    }

    @Test
    void splitsAreDisjointAcrossSeedsToo() {
        assertThat(questions(new SyntheticDataset(1).split(Split.TRAIN, 2000)))
                .doesNotContainAnyElementsOf(questions(new SyntheticDataset(2).split(Split.TEST, 1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "test"})
    void everySolutionWorksOutItsStepsAndEndsWithTheAnswer(String split) {
        for (SyntheticProblem problem : new SyntheticDataset(11).split(split, 2000)) {
            List<String> lines = List.of(problem.solution().split("\n"));
            assertThat(lines.get(lines.size() - 1)).as(problem.id()).isEqualTo("#### " + problem.answer());
            long previous = -1;
            for (String line : lines.subList(0, lines.size() - 1)) {
                Matcher step = STEP.matcher(line);
                assertThat(step.matches()).as(problem.id() + ": " + line).isTrue();
                long left = Long.parseLong(step.group(1));
                long right = Long.parseLong(step.group(3));
                long result = switch (step.group(2)) {
                    case "+" -> left + right;
                    case "-" -> left - right;
                    default -> left * right;
                };
                assertThat(Long.parseLong(step.group(4))).as(problem.id() + ": " + line).isEqualTo(result);
                assertThat(result).as(problem.id()).isNotNegative();
                if (previous >= 0) {
                    assertThat(left).as(problem.id() + " continues from the previous result").isEqualTo(previous);
                }
                previous = result;
            }
            assertThat(previous).as(problem.id()).isEqualTo(problem.answer());
        }
    }

    @Test
    void theCoreExtractorFindsTheAnswerAndTheGraderAgrees() {
        for (SyntheticProblem problem : new SyntheticDataset(5).split(Split.TRAIN, 1000)) {
            String extracted = AnswerExtractor.extract(problem.solution()).orElseThrow();
            assertThat(extracted).as(problem.id()).isEqualTo(problem.gold());
            assertThat(AnswerGrader.equivalent(extracted, problem.gold())).as(problem.id()).isTrue();
            assertThat(AnswerGrader.grade(problem.solution(), problem.gold()).equivalent()).as(problem.id()).isTrue();
            assertThat(AnswerGrader.equivalent(Long.toString(problem.answer() + 1), problem.gold())).isFalse();
        }
    }

    /** The question states exactly the operands the solution uses, in order: the words match the arithmetic. */
    @Test
    void theQuestionStatesTheOperandsOfTheSteps() {
        for (SyntheticProblem problem : new SyntheticDataset(9).split(Split.TEST, 1000)) {
            List<Long> stated = new ArrayList<>();
            Matcher number = NUMBER.matcher(problem.question());
            while (number.find()) {
                stated.add(Long.parseLong(number.group()));
            }
            List<Long> operands = new ArrayList<>();
            operands.add(problem.steps().get(0).left());
            problem.steps().forEach(step -> operands.add(step.right()));
            assertThat(stated).as(problem.id()).isEqualTo(operands);
        }
    }

    @Test
    void levelsTakeTurnsAndMeanWhatTheDocumentationSays() {
        List<SyntheticProblem> problems = new SyntheticDataset(2).split(Split.TRAIN, 4000);
        Map<Integer, Long> perLevel = problems.stream()
                .collect(Collectors.groupingBy(SyntheticProblem::level, Collectors.counting()));
        assertThat(perLevel).containsOnlyKeys(1, 2, 3, 4).allSatisfy((level, count) -> assertThat(count).isEqualTo(1000));
        for (SyntheticProblem problem : problems) {
            List<SyntheticProblem.Step> steps = problem.steps();
            switch (problem.level()) {
                case 1 -> {
                    assertThat(steps).hasSize(1);
                    assertThat(steps.get(0).left()).isBetween(2L, 9L);
                    assertThat(steps.get(0).right()).isBetween(1L, 9L);
                    assertThat(steps.get(0).operator()).isIn('+', '-');
                }
                case 2 -> {
                    assertThat(steps).hasSize(1);
                    assertThat(steps.get(0).left()).isBetween(10L, 99L);
                    assertThat(steps.get(0).right()).isBetween(10L, 99L);
                    assertThat(steps.get(0).operator()).isIn('+', '-');
                }
                case 3 -> {
                    assertThat(steps).hasSize(2);
                    assertThat(steps).allSatisfy(step -> assertThat(step.operator()).isIn('+', '-'));
                }
                default -> {
                    assertThat(steps).hasSize(3);
                    assertThat(steps.get(0).operator()).isEqualTo('*');
                    assertThat(steps.get(0).left()).isBetween(2L, 9L);
                    assertThat(steps.get(0).right()).isBetween(11L, 25L);
                    assertThat(steps.subList(1, 3)).allSatisfy(step -> assertThat(step.operator()).isIn('+', '-'));
                }
            }
        }
        // Every level uses both directions somewhere: a model cannot learn "always add".
        Function<Integer, Set<Character>> operators = level -> problems.stream().filter(p -> p.level() == level)
                .flatMap(p -> p.steps().stream()).map(SyntheticProblem.Step::operator).collect(Collectors.toSet());
        assertThat(operators.apply(1)).containsExactlyInAnyOrder('+', '-');
        assertThat(operators.apply(4)).containsExactlyInAnyOrder('+', '-', '*');
    }

    @Test
    void problemsAreShortAsciiAndNamedBySeedSplitAndIndex() {
        List<SyntheticProblem> problems = new SyntheticDataset(4).split(Split.TEST, SyntheticDataset.TEST_SIZE);
        for (int i = 0; i < problems.size(); i++) {
            SyntheticProblem problem = problems.get(i);
            assertThat(problem.id()).isEqualTo("s4-test-" + i);
            assertThat(problem.question().length() + 1 + problem.solution().length()).as(problem.id())
                    .isLessThanOrEqualTo(170);
            assertThat(problem.question().length()).as(problem.id()).isLessThanOrEqualTo(120);
            assertThat((problem.question() + problem.solution()).chars().allMatch(c -> c < 128)).isTrue();
        }
    }

    @Test
    void aSplitCanBeAskedByNameAndBadArgumentsAreRefused() {
        assertThat(new SyntheticDataset(0).split("TEST", 3)).isEqualTo(new SyntheticDataset(0).split(Split.TEST, 3));
        assertThat(new SyntheticDataset(0).split(Split.TRAIN, 0)).isEmpty();
        assertThatThrownBy(() -> new SyntheticDataset(0).split("validation", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train or test");
        assertThatThrownBy(() -> new SyntheticDataset(0).split(Split.TRAIN, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void askingForMoreThanASplitHoldsFailsClearlyInsteadOfLooping() {
        assertThatThrownBy(() -> new SyntheticDataset(0).split(Split.TEST, 40_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no more distinct level-1 problems");
    }

    private static List<String> questions(List<SyntheticProblem> problems) {
        return problems.stream().map(SyntheticProblem::question).toList();
    }
}
