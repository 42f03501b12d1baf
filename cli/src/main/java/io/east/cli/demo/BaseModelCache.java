package io.east.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.cli.common.Progress;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.train.LossKind;
import io.east.producers.synthetic.SyntheticDataset;
import io.east.producers.synthetic.SyntheticProblem;
import io.east.schemas.TrainMetrics;
import io.east.trainer.TrainSettings;
import io.east.trainer.TrainerApp;
import io.east.trainer.TrainingListener;
import io.east.trainer.TrainingReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's base model: a fresh small Llama taught the synthetic task's format (and a little arithmetic) by a short
 * supervised warm-up on a labelled slice of the training split, so that it answers right sometimes and disagrees with
 * itself often. Built once per configuration and cached in the work directory.
 */
final class BaseModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(BaseModelCache.class);
    private static final String READY = "ready";
    private static final List<String> MODEL_FILES = List.of(Checkpoints.CONFIG, Checkpoints.WEIGHTS,
            Checkpoints.TOKENIZER);

    private BaseModelCache() {
    }

    /** The cached base model for these settings, building it first when absent. */
    static Path prepare(DemoSettings settings) throws IOException {
        Path cached = settings.workDir().resolve("base-model-" + fingerprint(settings));
        if (Files.isRegularFile(cached.resolve(READY))) {
            LOG.atInfo().addKeyValue("directory", cached).log("base model found in the cache");
            return cached;
        }
        Path scratch = settings.workDir().resolve("warmup-" + fingerprint(settings));
        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        Path fresh = scratch.resolve("fresh");
        Checkpoints.writeFresh(fresh, settings.model(), settings.seed());
        Path data = scratch.resolve("warmup.jsonl");
        writeWarmupExamples(data, settings);
        TrainSettings train = TrainSettings.builder(LossKind.SFT, fresh, scratch.resolve("checkpoints"))
                .dataFile(data)
                .batchSize(settings.warmupBatch())
                .learningRate(settings.warmupLearningRate())
                .warmupSteps(20)
                .checkpointEvery(Integer.MAX_VALUE)
                .maxExamples((long) settings.warmupExamples() * settings.warmupRepeats())
                .logEvery(Integer.MAX_VALUE)
                .build();
        LOG.atInfo().addKeyValue("examples", settings.warmupExamples())
                .addKeyValue("parameters_config", settings.model()).log("building the base model by a warm-up");
        long total = (long) settings.warmupExamples() * settings.warmupRepeats();
        long steps = (total + settings.warmupBatch() - 1) / settings.warmupBatch();
        TrainingReport report;
        try (Progress progress = Progress.start("base model warm-up", "steps", steps);
             TrainerApp app = TrainerApp.open(train, Map.of(), new TrainingListener() {
                 @Override
                 public void stepped(TrainMetrics metrics) {
                     progress.stepTo(metrics.getStep());
                 }
             })) {
            report = app.run();
        }
        Path trained = report.lastCheckpoint().directory();
        Path staging = settings.workDir().resolve(".base-model-staging");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        for (String file : MODEL_FILES) {
            Files.copy(trained.resolve(file), staging.resolve(file));
        }
        Files.writeString(staging.resolve(READY), "warm-up of " + report.trained() + " examples\n");
        deleteRecursively(cached);
        Files.move(staging, cached, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(scratch);
        LOG.atInfo().addKeyValue("directory", cached).addKeyValue("steps", report.steps())
                .log("base model ready");
        return cached;
    }

    /** The labelled slice: each training problem's question and worked solution, weight 1, repeated per epoch. */
    private static void writeWarmupExamples(Path file, DemoSettings settings) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> epoch = new ArrayList<>();
        for (SyntheticProblem problem : new SyntheticDataset(settings.warmupDataSeed())
                .split("train", settings.warmupExamples())) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("task_id", problem.id());
            example.put("question_id", problem.id());
            example.put("dataset", "synthetic-warmup");
            example.put("round", 0);
            example.put("prompt", problem.question());
            example.put("chosen", "\n" + problem.solution());
            example.put("weight", 1.0);
            example.put("signal", 1.0);
            example.put("entropy", 0.0);
            example.put("accuracy", 1.0);
            example.put("rejected_share", 0.0);
            example.put("strategy", "uniform");
            example.put("alpha", 0.0);
            example.put("scope", "fixed:1");
            example.put("scope_id", "warmup");
            example.put("normaliser", 1.0);
            example.put("policy_version", 0);
            example.put("created_at", 0);
            epoch.add(json.writeValueAsString(example));
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int repeat = 0; repeat < settings.warmupRepeats(); repeat++) {
                for (String line : epoch) {
                    out.write(line);
                    out.newLine();
                }
            }
        }
    }

    /** Everything that changes the base model names its cache entry. */
    private static String fingerprint(DemoSettings settings) {
        LlamaConfig model = settings.model();
        return Integer.toHexString(Objects.hash(model, settings.seed(), settings.warmupDataSeed(),
                settings.warmupExamples(), settings.warmupRepeats(), settings.warmupBatch(),
                settings.warmupLearningRate()));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
