package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.model.Checkpoints;
import io.east.model.train.LossKind;
import io.east.producers.feed.DatasetSpec;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch path end to end with a tiny random model: two configs, two seeds, every run trained on the same examples
 * for the same steps, only the weights differing, and the four report files written.
 */
class AblationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 2;
    private static final int KEPT = ROUNDS * TestLogs.KEPT_PER_ROUND;
    private static final int BATCH = 4;

    @TempDir
    Path dir;

    /** What the ablation told its listener. */
    private static final class Recorder implements AblationListener {
        final List<String> planned = new ArrayList<>();
        final List<Integer> finished = new ArrayList<>();

        @Override
        public void planned(int runs, int examples, long stepsPerRun) {
            planned.add(runs + " runs, " + examples + " examples, " + stepsPerRun + " steps");
        }

        @Override
        public void finished(int done, RunResult result) {
            finished.add(done);
        }
    }

    @Test
    void trainsEveryConfigAndSeedOnTheSameExamplesAndReportsThem() throws Exception {
        Path samples = TestLogs.write(dir.resolve("samples.jsonl"), TestLogs.mixedLog(ROUNDS));
        Path init = TestLogs.tinyCheckpoint(dir.resolve("init"), 11);
        Path out = dir.resolve("results");
        AblationSettings settings = new AblationSettings(new SampleSource.File(samples), init,
                AblationConfigs.parse("uniform; entropy:a=1"), 2,
                new TrainingPlan(LossKind.SFT, 1, null, BATCH, 5e-4, 0, 1.0, null),
                new EvalPlan(DatasetSpec.parse("synthetic:1"), "test", 8, 8, 8), Clustering.EXACT,
                SelectionRules.STANDARD, 0, out, "it", true, "east ablate (AblationIT)");
        byte[] initWeights = Files.readAllBytes(init.resolve(Checkpoints.WEIGHTS));
        Recorder recorder = new Recorder();

        AblationResults results = new Ablation(settings, recorder).run();

        long steps = (KEPT + BATCH - 1) / BATCH;
        assertThat(recorder.planned).containsExactly("4 runs, " + KEPT + " examples, " + steps + " steps");
        assertThat(recorder.finished).containsExactly(1, 2, 3, 4);
        assertThat(results.complete()).isTrue();
        assertThat(results.log().tasks()).isEqualTo(7 * ROUNDS);
        assertThat(results.log().samples()).isEqualTo(4L * 7 * ROUNDS);
        assertThat(results.log().skipped()).isZero();
        assertThat(results.log().kept()).isEqualTo(KEPT);
        assertThat(results.log().examples()).isEqualTo(KEPT);
        assertThat(results.log().discarded()).isEqualTo(Map.of("all_correct", ROUNDS, "no_correct", ROUNDS));
        assertThat(results.base().questions()).isEqualTo(8);

        // Runs: seed by seed, config by config, each the same length on the same examples.
        assertThat(results.runs()).extracting(r -> r.config().label() + "/" + r.seed())
                .containsExactly("uniform/0", "entropy:a=1/0", "uniform/1", "entropy:a=1/1");
        assertThat(results.runs()).allSatisfy(run -> {
            assertThat(run.training().steps()).isEqualTo(steps);
            assertThat(run.training().trained()).isEqualTo(KEPT);
            assertThat(run.training().finalLoss()).isFinite().isPositive();
            assertThat(run.eval().questions()).isEqualTo(8);
            assertThat(run.training().checkpoint()).as("--keep-checkpoints")
                    .isDirectoryContaining(p -> p.getFileName().toString().equals(Checkpoints.WEIGHTS))
                    .startsWith(settings.workDir().resolve("checkpoints"));
        });
        // Each run trains its own copy of the initial checkpoint, and the weights change what it learns.
        assertThat(Files.readAllBytes(init.resolve(Checkpoints.WEIGHTS))).isEqualTo(initWeights);
        List<String> trained = new ArrayList<>();
        for (RunResult run : results.runs()) {
            byte[] weights = Files.readAllBytes(run.training().checkpoint().resolve(Checkpoints.WEIGHTS));
            assertThat(weights).isNotEqualTo(initWeights);
            trained.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(weights)));
        }
        assertThat(trained).as("every config and seed trains a different model").doesNotHaveDuplicates();

        // Weights: the same examples in the same order; uniform all 1, entropy varied with mean 1.
        ConfigWeights uniform = results.weights().get(0);
        ConfigWeights entropy = results.weights().get(1);
        assertThat(entropy.examples()).extracting(WeightedExample::getTaskId)
                .containsExactlyElementsOf(uniform.examples().stream().map(WeightedExample::getTaskId).toList())
                .hasSize(KEPT);
        assertThat(uniform.examples()).extracting(WeightedExample::getWeight).containsOnly(1.0);
        assertThat(entropy.examples()).extracting(WeightedExample::getWeight).doesNotContain(1.0);
        assertThat(entropy.summary().mean()).isCloseTo(1.0, within(1e-12));
        assertThat(entropy.summary().max()).isGreaterThan(entropy.summary().min());
        assertThat(entropy.scope()).isEqualTo(new Scope.Dataset());
        assertThat(entropy.requestedScope()).isEqualTo(new Scope.Dataset());
        assertThat(entropy.commonNormaliser()).isPresent();

        // The trainer's data files: one order per seed, the same for every config, the weights per config.
        Path data = settings.workDir().resolve("data");
        for (int seed = 0; seed < 2; seed++) {
            List<JsonNode> u = lines(data.resolve("uniform-seed" + seed + ".jsonl"));
            List<JsonNode> e = lines(data.resolve("entropy-a1-seed" + seed + ".jsonl"));
            assertThat(taskIds(e)).isEqualTo(taskIds(u)).hasSize(KEPT)
                    .containsExactlyInAnyOrderElementsOf(taskIds(uniform.examples()));
            assertThat(u).allSatisfy(line -> assertThat(line.get("weight").doubleValue()).isEqualTo(1.0));
            Map<String, Double> entropyWeights = new java.util.HashMap<>();
            entropy.examples().forEach(x -> entropyWeights.put(x.getTaskId(), x.getWeight()));
            assertThat(e).allSatisfy(line -> assertThat(line.get("weight").doubleValue())
                    .isEqualTo(entropyWeights.get(line.get("task_id").asText())));
        }
        assertThat(taskIds(lines(data.resolve("uniform-seed0.jsonl"))))
                .as("seeds differ in order only").isNotEqualTo(taskIds(lines(data.resolve("uniform-seed1.jsonl"))));

        // The report files, and nothing half-written.
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("work")))
                    .containsExactlyInAnyOrderElementsOf(ResultFiles.NAMES);
        }
        List<List<String>> csv = ResultsCsvTest.parse(Files.readString(out.resolve("results.csv")));
        assertThat(csv).hasSize(2 + 2 * 2);
        int examples = ResultsCsv.HEADER.indexOf("examples");
        int trainSteps = ResultsCsv.HEADER.indexOf("train_steps");
        int meanWeight = ResultsCsv.HEADER.indexOf("mean_weight");
        assertThat(csv.subList(2, csv.size())).allSatisfy(row -> {
            assertThat(row.get(examples)).isEqualTo(Integer.toString(KEPT));
            assertThat(row.get(trainSteps)).isEqualTo(Long.toString(steps));
            assertThat(Double.parseDouble(row.get(meanWeight))).isCloseTo(1.0, within(1e-6));
        });
        assertThat(Files.readString(out.resolve("results.md"))).contains("| uniform | dataset | 2 |")
                .contains("| entropy:a=1 | dataset | 2 |").doesNotContain("Partial results");
        assertThat(Files.readString(out.resolve("accuracy.svg"))).startsWith("<?xml").contains("entropy:a=1");
        assertThat(Files.readString(out.resolve("weights.svg"))).startsWith("<?xml").contains("entropy:a=1");

        // A second run under the same id would mix its work files with this one's.
        assertThatThrownBy(() -> new Ablation(settings, AblationListener.NONE).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists");
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> taskIds(List<?> records) {
        return records.stream().map(r -> r instanceof JsonNode node ? node.get("task_id").asText()
                : ((WeightedExample) r).getTaskId()).toList();
    }
}
