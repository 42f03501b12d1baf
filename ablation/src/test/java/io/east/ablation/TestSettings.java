package io.east.ablation;

import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.model.train.LossKind;
import io.east.eval.EvalReport;
import io.east.eval.QuestionOutcome;
import io.east.eval.WilsonInterval;
import io.east.producers.feed.DatasetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Settings and evaluation reports for tests that need them but run no ablation. */
final class TestSettings {

    static final TrainingPlan TRAINING = new TrainingPlan(LossKind.SFT, 1, null, 4, 5e-4, 0, 1.0, null);
    static final EvalPlan EVAL = new EvalPlan(DatasetSpec.parse("synthetic:1"), "test", 8, 8, 8);

    private TestSettings() {
    }

    static AblationSettings settings(String configs) {
        return new AblationSettings(new SampleSource.File(Path.of("samples.jsonl")), Path.of("init"),
                AblationConfigs.parse(configs), 2, TRAINING, EVAL, Clustering.EXACT, SelectionRules.STANDARD, 0,
                Path.of("out"), "test", false, "east ablate --configs '" + configs + "'");
    }

    /** A greedy-only (n = 1) report on {@code questions}, right on {@code correct}. */
    static EvalReport report(List<String> questions, Set<String> correct) {
        List<QuestionOutcome> outcomes = questions.stream()
                .map(q -> new QuestionOutcome(q, correct.contains(q) ? "5" : "7", correct.contains(q), null, false,
                        null))
                .toList();
        int right = (int) outcomes.stream().filter(QuestionOutcome::greedyCorrect).count();
        return new EvalReport(questions.size(), right, WilsonInterval.of(right, questions.size()), 1, null, null, 0,
                Duration.ofMillis(1_500), outcomes);
    }
}
