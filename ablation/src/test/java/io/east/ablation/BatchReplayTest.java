package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.core.batch.BatchWeighting;
import io.east.core.batch.QuestionGroup;
import io.east.core.batch.WeightRow;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SampleAnswer;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReplayTest {

    private static final List<String> KEPT = List.of("t000", "t001", "t002", "t003", "t006");
    /** Entropy (bits), accuracy and R of the kept tasks of one round of {@link TestLogs#PATTERNS}. */
    private static final double[] H = {TestLogs.bits(2, 1, 1), TestLogs.bits(1, 3), TestLogs.bits(3, 1), 2,
        TestLogs.bits(1, 2, 1)};
    private static final double[] A = {0.5, 0.25, 0.75, 0.25, 0.25};
    private static final double[] R = {0.25, 0.75, 0.25, 0.25, 0.5};

    @TempDir
    Path dir;

    private List<ReasoningSample> samples;
    private LogAnalysis analysis;
    private BatchReplay replay;

    @BeforeEach
    void readLog() throws IOException {
        samples = TestLogs.mixedLog(1);
        SampleLog log = SampleFileLog.read(TestLogs.write(dir.resolve("samples.jsonl"), samples));
        analysis = LogAnalysis.of(log, Clustering.EXACT, SelectionRules.STANDARD, 0);
        replay = new BatchReplay(analysis);
    }

    @Test
    void theAnalysisKeepsTheSameTasksWhateverTheConfig() {
        assertThat(analysis.kept()).extracting(KeptTask::taskId).containsExactlyElementsOf(KEPT);
        assertThat(analysis.discarded()).isEqualTo(Map.of("all_correct", 1, "no_correct", 1));
        assertThat(analysis.entropies()).containsExactly(H, within(1e-12));
    }

    @Test
    void entropyWeightsAreHOverItsMeanAndAverageOneUnderDataset() throws Exception {
        Map<String, WeightedExample> examples = weigh("entropy:a=1");

        assertThat(examples.keySet()).containsExactlyElementsOf(KEPT);
        double mean = mean(H);
        List<WeightedExample> list = new ArrayList<>(examples.values());
        for (int i = 0; i < H.length; i++) {
            WeightedExample e = list.get(i);
            assertThat(e.getWeight()).as(e.getTaskId()).isCloseTo(H[i] / mean, within(1e-12));
            assertThat(e.getSignal()).isCloseTo(H[i], within(1e-12));
            assertThat(e.getEntropy()).isCloseTo(H[i], within(1e-12));
            assertThat(e.getAccuracy()).isEqualTo(A[i]);
            assertThat(e.getRejectedShare()).isEqualTo(R[i]);
            assertThat(e.getNormaliser()).isCloseTo(mean, within(1e-12));
            assertThat(e.getScope()).isEqualTo("dataset");
            assertThat(e.getScopeId()).isEqualTo("dataset");
            assertThat(e.getStrategy()).isEqualTo("entropy");
            assertThat(e.getAlpha()).isEqualTo(1.0);
        }
        assertThat(meanWeight(examples)).isCloseTo(1.0, within(1e-12));
        assertThat(list.get(3).getWeight()).as("the most uncertain question weighs most")
                .isGreaterThan(list.get(0).getWeight()).isGreaterThan(list.get(1).getWeight());
    }

    @Test
    void everyStrategyAveragesOneUnderDatasetAndUniformIsOneEverywhere() throws Exception {
        assertThat(weigh("uniform").values()).extracting(WeightedExample::getWeight).containsOnly(1.0);
        assertPowersOverMean(weigh("entropy:a=-1"), pow(H, -1));
        assertPowersOverMean(weigh("entropy:a=2"), pow(H, 2));
        assertPowersOverMean(weigh("accuracy:a=1"), oneMinus(A));
        assertPowersOverMean(weigh("rejected:a=1"), R);
    }

    @Test
    void agreesWithTheCoreBatchWeightingOfTheSameGroups() throws Exception {
        for (AblationConfig config : AblationConfigs.parse(AblationConfigs.PAPER
                + "; entropy:a=1:scope=window:2; accuracy:a=2:scope=fixed:0.5; entropy:a=1:scope=ema:0.5")) {
            Scope scope = config.scope().orElse(new Scope.Dataset());
            List<WeightRow> rows = BatchWeighting.run(groups(samples), new WeightingSettings(config.strategy(),
                    config.alpha(), scope, Clustering.EXACT, SelectionRules.STANDARD, 0));
            Map<String, WeightRow> kept = new LinkedHashMap<>();
            rows.stream().filter(row -> row.weight().isPresent()).forEach(row -> kept.put(row.group().taskId(), row));

            Map<String, WeightedExample> examples = replay.weigh(config, scope);

            assertThat(examples.keySet()).as(config.label()).containsExactlyElementsOf(kept.keySet());
            examples.forEach((id, example) -> {
                WeightRow row = kept.get(id);
                assertThat(example.getWeight()).as("%s %s", config, id).isEqualTo(row.weight().get().weight());
                assertThat(example.getScopeId()).isEqualTo(row.weight().get().scopeId());
                assertThat(example.getNormaliser()).isEqualTo(row.weight().get().normaliser());
                assertThat(example.getSignal()).isEqualTo(row.signal());
                assertThat(example.getChosen()).isEqualTo(response(id, row.analysis().chosenIndex()));
                assertThat(example.getRejected()).isEqualTo(response(id, row.analysis().rejectedIndex()));
            });
        }
    }

    @Test
    void aWindowScopeAveragesOneInEveryWindowAndClosesTheLastAtTheEnd() throws Exception {
        List<WeightedExample> examples = new ArrayList<>(weigh("entropy:a=1:scope=window:2").values());

        assertThat(examples).extracting(WeightedExample::getScopeId)
                .containsExactly("window-0", "window-0", "window-1", "window-1", "window-2");
        assertThat(examples.get(0).getWeight() + examples.get(1).getWeight()).isCloseTo(2, within(1e-12));
        assertThat(examples.get(2).getWeight() + examples.get(3).getWeight()).isCloseTo(2, within(1e-12));
        assertThat(examples.get(4).getWeight()).isCloseTo(1, within(1e-12));
    }

    @Test
    void theChosenResponseIsCorrectAndTheRejectedComesFromTheMostCommonWrongAnswer() throws Exception {
        Map<String, WeightedExample> examples = weigh("entropy:a=1");

        assertThat(examples.values()).allSatisfy(e -> {
            assertThat(e.getChosen()).contains("\\boxed{5}");
            assertThat(e.getPrompt()).isEqualTo("What is 2 + 3 in " + e.getTaskId() + "?");
            assertThat(e.getQuestionId()).isEqualTo("q-" + e.getTaskId());
            assertThat(e.getDataset()).isEqualTo("test");
        });
        assertThat(examples.get("t000").getRejected()).as("7 and 8 tie: the first seen").isEqualTo(
                "2 + 3 = \\boxed{7} (2).");
        assertThat(examples.get("t001").getRejected()).contains("\\boxed{7}");
        assertThat(examples.get("t006").getRejected()).as("two responses without an answer").startsWith("No idea");
        // The choice is the same for every config: only the weights differ.
        Map<String, WeightedExample> other = weigh("rejected:a=2");
        examples.forEach((id, e) -> {
            assertThat(other.get(id).getChosen()).isEqualTo(e.getChosen());
            assertThat(other.get(id).getRejected()).isEqualTo(e.getRejected());
        });
    }

    private Map<String, WeightedExample> weigh(String text) throws InterruptedException {
        AblationConfig config = AblationConfigs.parse(text).get(0);
        return replay.weigh(config, config.scope().orElse(new Scope.Dataset()));
    }

    /** The groups built straight from the samples, as the core batch tool reads them. */
    private static List<QuestionGroup> groups(List<ReasoningSample> samples) {
        Map<String, List<ReasoningSample>> byTask = new LinkedHashMap<>();
        samples.forEach(s -> byTask.computeIfAbsent(s.getTaskId(), id -> new ArrayList<>()).add(s));
        List<QuestionGroup> groups = new ArrayList<>();
        byTask.forEach((id, list) -> groups.add(new QuestionGroup(id, list.get(0).getQuestionId(), "5",
                list.get(0).getN(), list.stream().map(s -> new SampleAnswer(s.getSampleIndex(),
                        s.getPredictedAnswer(), s.getCorrect(), s.getContainsBoxed())).toList())));
        return groups;
    }

    private String response(String taskId, Optional<Integer> index) {
        return samples.stream().filter(s -> s.getTaskId().equals(taskId) && s.getSampleIndex() == index.orElseThrow())
                .findFirst().orElseThrow().getResponse();
    }

    private static void assertPowersOverMean(Map<String, WeightedExample> examples, double[] powers) {
        double mean = mean(powers);
        List<WeightedExample> list = new ArrayList<>(examples.values());
        assertThat(list).hasSize(powers.length);
        for (int i = 0; i < powers.length; i++) {
            assertThat(list.get(i).getWeight()).as("%s %s", list.get(i).getStrategy(), list.get(i).getTaskId())
                    .isCloseTo(powers[i] / mean, within(1e-12));
        }
        assertThat(meanWeight(examples)).isCloseTo(1.0, within(1e-12));
    }

    private static double meanWeight(Map<String, WeightedExample> examples) {
        return examples.values().stream().mapToDouble(WeightedExample::getWeight).average().orElseThrow();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] pow(double[] values, double a) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.pow(values[i], a);
        }
        return out;
    }

    private static double[] oneMinus(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = 1 - values[i];
        }
        return out;
    }
}
