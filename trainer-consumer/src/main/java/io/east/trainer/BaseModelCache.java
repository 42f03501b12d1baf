package io.east.trainer;

import io.east.model.Checkpoints;
import io.east.model.FileTrees;
import io.east.model.LlamaConfig;
import io.east.model.train.LossKind;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.RecordJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A base model made by a short supervised warm-up of a fresh small Llama (character-level tokenizer) on labelled
 * examples, so that it knows a task's format before self-training starts; the demo's. Built once per recipe and
 * cached under a folder named by the recipe's fingerprint.
 */
public final class BaseModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(BaseModelCache.class);
    private static final String READY = "ready";
    private static final List<String> MODEL_FILES = List.of(Checkpoints.CONFIG, Checkpoints.WEIGHTS,
            Checkpoints.TOKENIZER);

    /** One labelled example of the warm-up: the prompt and the response to learn. */
    public record WarmupExample(String id, String prompt, String response) {}

    /**
     * How the base model is made.
     *
     * @param examples one epoch of the warm-up, in order
     * @param repeats epochs over them
     */
    public record Recipe(LlamaConfig model, long seed, List<WarmupExample> examples, int repeats, int batch,
            double learningRate) {
        public Recipe {
            examples = List.copyOf(examples);
            if (examples.isEmpty() || repeats < 1 || batch < 1) {
                throw new IllegalArgumentException("a warm-up needs examples, repeats >= 1 and batch >= 1");
            }
        }

        /** Everything that changes the model names its cache entry. */
        String fingerprint() {
            return Integer.toHexString(Objects.hash(model, seed, examples, repeats, batch, learningRate));
        }

        long totalExamples() {
            return (long) examples.size() * repeats;
        }
    }

    private BaseModelCache() {
    }

    /**
     * The cached base model of {@code recipe} under {@code workDir}, building it first when absent.
     *
     * @param progress told about every warm-up step (e.g. a progress bar)
     */
    public static Path prepare(Recipe recipe, Path workDir, TrainingListener progress) throws IOException {
        Path cached = workDir.resolve("base-model-" + recipe.fingerprint());
        if (Files.isRegularFile(cached.resolve(READY))) {
            LOG.atInfo().addKeyValue("directory", cached).log("base model found in the cache");
            return cached;
        }
        Path scratch = workDir.resolve("warmup-" + recipe.fingerprint());
        FileTrees.deleteRecursively(scratch);
        Files.createDirectories(scratch);
        Path fresh = scratch.resolve("fresh");
        Checkpoints.writeFresh(fresh, recipe.model(), recipe.seed());
        Path data = scratch.resolve("warmup.jsonl");
        writeWarmupExamples(data, recipe);
        TrainerAppSettings train = TrainerAppSettings.builder(LossKind.SFT, fresh, scratch.resolve("checkpoints"))
                .dataFile(data)
                .batchSize(recipe.batch())
                .learningRate(recipe.learningRate())
                .warmupSteps(20)
                .checkpointEvery(Integer.MAX_VALUE)
                .maxExamples(recipe.totalExamples())
                .logEvery(Integer.MAX_VALUE)
                .build();
        LOG.atInfo().addKeyValue("examples", recipe.examples().size()).addKeyValue("repeats", recipe.repeats())
                .addKeyValue("model", recipe.model()).log("building the base model by a warm-up");
        TrainingReport report;
        try (TrainerApp app = TrainerApp.open(train, Map.of(), progress)) {
            report = app.run();
        }
        Path trained = report.lastCheckpoint().directory();
        Path staging = workDir.resolve(".base-model-staging");
        FileTrees.deleteRecursively(staging);
        Files.createDirectories(staging);
        for (String file : MODEL_FILES) {
            Files.copy(trained.resolve(file), staging.resolve(file));
        }
        Files.writeString(staging.resolve(READY), "warm-up of " + report.trained() + " examples\n");
        FileTrees.deleteRecursively(cached);
        Files.move(staging, cached, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(scratch);
        LOG.atInfo().addKeyValue("directory", cached).addKeyValue("steps", report.steps()).log("base model ready");
        return cached;
    }

    /** Steps the warm-up of {@code recipe} takes, for a progress bar. */
    public static long steps(Recipe recipe) {
        return (recipe.totalExamples() + recipe.batch() - 1) / recipe.batch();
    }

    /** Each example as a WeightedExample of weight 1 (uniform, no rejected response), one epoch after another. */
    private static void writeWarmupExamples(Path file, Recipe recipe) throws IOException {
        List<String> epoch = new ArrayList<>();
        for (WarmupExample e : recipe.examples()) {
            epoch.add(RecordJson.toJson(WeightedExample.newBuilder()
                    .setTaskId(e.id()).setQuestionId(e.id()).setDataset("warmup").setRound(0)
                    .setPrompt(e.prompt()).setChosen(e.response()).setRejected(null)
                    .setWeight(1.0).setSignal(1.0).setEntropy(0.0).setAccuracy(1.0).setRejectedShare(0.0)
                    .setStrategy("uniform").setAlpha(0.0).setScope("fixed:1").setScopeId("warmup").setNormaliser(1.0)
                    .setPolicyVersion(0).setExperiment(null).setCreatedAt(Instant.EPOCH)
                    .build()));
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int repeat = 0; repeat < recipe.repeats(); repeat++) {
                for (String line : epoch) {
                    out.write(line);
                    out.newLine();
                }
            }
        }
    }
}
