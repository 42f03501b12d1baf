package io.east.ablation;

import io.east.core.weight.MeanOne;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightFunction;
import io.east.eval.EvalDataset;
import io.east.eval.EvalReport;
import io.east.eval.Evaluator;
import io.east.model.FileTrees;
import io.east.model.NativeMemory;
import io.east.model.train.LossKind;
import io.east.producers.feed.FeedQuestion;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.versions.CheckpointVersion;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ablation: reads the sample log once, weighs it under every config (batch path for a file, one streams-app
 * experiment per config for the topic), picks the examples every config trains on, evaluates the initial checkpoint,
 * then for each seed and each config trains a copy of the initial checkpoint on the same examples in the seed's order
 * and evaluates it. Runs go one after the other (one trainer per JVM); the report files are rewritten after each run,
 * so an interrupted ablation leaves its partial results.
 *
 * <p>Under the default scope {@code dataset} a topic replay runs the streams app with {@code fixed:C}, C being the mean
 * of s^a over the log's kept questions as the batch analysis of the same samples computes it, so the weights average
 * exactly 1 over the log, as the paper's offline normalisation and the file path make them.
 */
public final class Ablation {

    private static final Logger LOG = LoggerFactory.getLogger(Ablation.class);

    private final AblationSettings settings;
    private final AblationListener listener;

    public Ablation(AblationSettings settings, AblationListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public AblationResults run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path work = settings.workDir();
        if (Files.exists(work)) {
            throw new IllegalStateException("the work directory " + work + " exists: give another --run-id");
        }
        EvalDataset evalDataset = settings.eval().questions();
        Files.createDirectories(work);

        LogAnalysis analysis = analyse(read());
        List<FeedQuestion> questions = evalQuestions(evalDataset);
        List<ConfigWeights> weights;
        ExampleSet set;
        String weighting;
        try (Replay replay = replay(analysis, work)) {
            weighting = replay.describe();
            List<Scope> requested = new ArrayList<>();
            List<Scope> used = new ArrayList<>();
            List<Map<String, WeightedExample>> weighted = new ArrayList<>();
            for (AblationConfig config : settings.configs()) {
                Scope scope = settings.scope(config);
                Scope realised = realise(scope, config, analysis);
                requested.add(scope);
                used.add(realised);
                weighted.add(replay.weigh(config, realised));
            }
            set = ExampleSet.of(analysis.kept(), weighted, settings.training().loss(), settings.training().examples());
            if (set.size() == 0) {
                throw new IllegalStateException("no example is left to train on: " + analysis.kept().size()
                        + " kept tasks, none emitted by every config"
                        + (settings.training().loss() == LossKind.DPO ? " with a rejected response" : ""));
            }
            weights = new ArrayList<>();
            for (int i = 0; i < settings.configs().size(); i++) {
                weights.add(new ConfigWeights(settings.configs().get(i), requested.get(i), used.get(i),
                        set.examples(weighted.get(i))));
            }
        }
        LogSummary logSummary = LogSummary.of(analysis, set, weighting);
        int total = settings.configs().size() * settings.seeds();
        long steps = settings.training().steps(set.size());
        LOG.atInfo().addKeyValue("examples", set.size()).addKeyValue("left_out", set.leftOut())
                .addKeyValue("runs", total).addKeyValue("steps_per_run", steps)
                .addKeyValue("eval_questions", questions.size()).log("ablation planned");
        listener.planned(total, set.size(), steps);

        Evaluator evaluator = new Evaluator(settings.eval().settings());
        String evalName = evalDataset.name() + " " + evalDataset.split();
        EvalReport base = evaluator.evaluateCheckpoint(settings.init(), 0, settings.eval().djl(), questions);
        LOG.atInfo().addKeyValue("pass_at_1", base.passAt1()).addKeyValue("questions", base.questions())
                .log("base model evaluated");
        List<RunResult> runs = new ArrayList<>();
        ResultFiles.write(settings.outputDir(), new AblationResults(settings, logSummary, weights, evalName, base,
                runs, elapsed(start), false));

        RunTrainer trainer = new RunTrainer(settings.init(), settings.training());
        long runsStart = System.nanoTime();
        for (int seed = 0; seed < settings.seeds(); seed++) {
            int[] order = TrainingOrder.of(set.size(), seed, settings.training().epochs());
            for (ConfigWeights config : weights) {
                RunResult result = runOne(trainer, evaluator, questions, work, config, seed, order);
                runs.add(result);
                listener.finished(runs.size(), result);
                logProgress(result, runs.size(), total, runsStart);
                ResultFiles.write(settings.outputDir(), new AblationResults(settings, logSummary, weights, evalName,
                        base, runs, elapsed(start), runs.size() == total));
            }
        }
        AblationResults results = new AblationResults(settings, logSummary, weights, evalName, base, runs,
                elapsed(start), true);
        ResultFiles.write(settings.outputDir(), results);
        return results;
    }

    private SampleLog read() {
        SampleLog log;
        try {
            if (settings.source() instanceof SampleSource.Topic topic) {
                log = SampleTopicLog.read(topic.clientProperties(), topic.topic(), topic.replayTimeout());
            } else {
                log = SampleFileLog.read(((SampleSource.File) settings.source()).path());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sample log: " + e.getMessage(), e);
        }
        log.errors().forEach(error -> LOG.error("{}", error));
        if (log.tasks().isEmpty()) {
            throw new IllegalStateException(log.source() + " holds no samples");
        }
        return log;
    }

    private LogAnalysis analyse(SampleLog log) {
        LogAnalysis analysis = LogAnalysis.of(log, settings.clustering(), settings.rules(), settings.choiceSeed());
        LOG.atInfo().addKeyValue("source", log.source()).addKeyValue("tasks", log.tasks().size())
                .addKeyValue("samples", log.samples()).addKeyValue("kept", analysis.kept().size())
                .addKeyValue("discarded", analysis.discarded()).log("sample log analysed");
        if (analysis.kept().isEmpty()) {
            throw new IllegalStateException("no question of " + log.source() + " is kept (" + analysis.discarded()
                    + "): nothing to train on");
        }
        return analysis;
    }

    private static List<FeedQuestion> evalQuestions(EvalDataset dataset) throws IOException {
        LoadedQuestions loaded = dataset.load();
        loaded.errors().forEach(error -> LOG.error("{}", error));
        if (loaded.questions().isEmpty()) {
            throw new IllegalStateException(dataset.name() + " " + dataset.split() + " has no questions");
        }
        return loaded.questions();
    }

    private Replay replay(LogAnalysis analysis, Path work) {
        if (settings.source() instanceof SampleSource.Topic topic) {
            return new StreamsReplay(analysis, topic.clientProperties(), work.resolve("streams-state"),
                    settings.runId(), topic.replayTimeout());
        }
        return new BatchReplay(analysis);
    }

    /** The scope a replay runs: as asked, except that a topic realises dataset as fixed:C (see the class doc). */
    private Scope realise(Scope scope, AblationConfig config, LogAnalysis analysis) {
        if (!(scope instanceof Scope.Dataset) || settings.source() instanceof SampleSource.File) {
            return scope;
        }
        WeightFunction function = config.function();
        double[] powers = analysis.kept().stream().mapToDouble(k -> function.power(k.analysis().entropy(),
                k.analysis().accuracy(), k.analysis().rejectedShare())).toArray();
        double normaliser = MeanOne.normaliser(powers);
        if (!(normaliser > 0)) {
            throw new IllegalStateException("config " + config.label() + ": every kept question has signal^a = 0, "
                    + "so there is nothing to normalise");
        }
        return new Scope.Fixed(normaliser);
    }

    private RunResult runOne(RunTrainer trainer, Evaluator evaluator, List<FeedQuestion> questions, Path work,
            ConfigWeights config, int seed, int[] order) throws IOException, InterruptedException {
        String name = config.config().slug() + "-seed" + seed;
        Path data = TrainingFiles.write(work.resolve("data").resolve(name + ".jsonl"), config.examples(), order);
        Path checkpoints = work.resolve("checkpoints").resolve(name);
        TrainOutcome training = trainer.train(data, checkpoints);
        long evalStart = System.nanoTime();
        EvalReport eval = evaluator.evaluateCheckpoint(training.checkpoint(),
                CheckpointVersion.of(training.checkpoint()), settings.eval().djl(), questions);
        Duration evalTime = Duration.ofNanos(System.nanoTime() - evalStart);
        if (!settings.keepCheckpoints()) {
            FileTrees.deleteRecursively(checkpoints);
        }
        // glibc keeps the freed native memory of each run's models; hand it back between runs.
        NativeMemory.releaseFreePages();
        return new RunResult(config, seed, training, eval, evalTime);
    }

    private void logProgress(RunResult result, int done, int total, long runsStart) {
        double perRun = (System.nanoTime() - runsStart) / 1e9 / done;
        LOG.atInfo().addKeyValue("run", done + "/" + total).addKeyValue("config", result.config().label())
                .addKeyValue("seed", result.seed()).addKeyValue("pass_at_1", result.eval().passAt1())
                .addKeyValue("steps", result.training().steps())
                .addKeyValue("final_loss", Math.round(result.training().finalLoss() * 10_000) / 10_000.0)
                .addKeyValue("train_s", result.training().elapsed().toMillis() / 1000.0)
                .addKeyValue("eval_s", result.evalTime().toMillis() / 1000.0)
                .addKeyValue("eta_s", Math.round(perRun * (total - done))).log("ablation run finished");
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
