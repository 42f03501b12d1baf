package io.east.ablation;

import static io.east.ablation.TestSettings.report;

import io.east.core.weight.Scope;
import io.east.eval.EvalReport;
import io.east.schemas.WeightedExample;
import io.east.testkit.TrainingExamples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made results of a two-config, two-seed ablation, for the report writers. */
final class TestResults {

    static final List<String> QUESTIONS = List.of("q1", "q2", "q3", "q4", "q5");
    static final double[] ENTROPIES = {0.5, 1.0, 1.5, 2.0};

    private TestResults() {
    }

    /** uniform and entropy:a=1 over seeds 0 and 1; {@code runs} of the four runs done, in run order. */
    static AblationResults results(int runs) {
        AblationSettings settings = TestSettings.settings("uniform; entropy:a=1");
        List<ConfigWeights> weights = settings.configs().stream().map(TestResults::weights).toList();
        LogSummary log = new LogSummary("samples.jsonl", 6, 24, 0, 4, Map.of("all_correct", 2), 4, 0,
                "batch weighting of the file");
        EvalReport base = report(QUESTIONS, Set.of("q1"));
        List<RunResult> done = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            for (ConfigWeights w : weights) {
                if (done.size() < runs) {
                    boolean entropy = w.config().label().startsWith("entropy");
                    Set<String> correct = entropy ? Set.of("q1", "q2", "q3") : Set.of("q1", "q2");
                    double firstLoss = done.isEmpty() ? Double.NaN : 4.5;
                    done.add(new RunResult(w, seed, new TrainOutcome(1, 4, firstLoss, 3.25, Path.of("ckpt"),
                            Duration.ofMillis(2_345)), report(QUESTIONS, correct), Duration.ofMillis(678)));
                }
            }
        }
        return new AblationResults(settings, log, weights, "synthetic:1 test", base, done, Duration.ofSeconds(75),
                runs == 4);
    }

    private static ConfigWeights weights(AblationConfig config) {
        double mean = (ENTROPIES[0] + ENTROPIES[1] + ENTROPIES[2] + ENTROPIES[3]) / 4;
        List<WeightedExample> examples = new ArrayList<>();
        for (int i = 0; i < ENTROPIES.length; i++) {
            double h = ENTROPIES[i];
            boolean uniform = config.alpha() == 0;
            examples.add(TrainingExamples.builder("t" + i).setWeight(uniform ? 1 : h / mean)
                    .setSignal(uniform ? 1 : h).setEntropy(h).setRejectedShare(0.25)
                    .setStrategy(config.strategy().id()).setAlpha(config.alpha()).setNormaliser(uniform ? 1 : mean)
                    .build());
        }
        return new ConfigWeights(config, new Scope.Dataset(), new Scope.Dataset(), examples);
    }
}
